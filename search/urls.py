"""The public search page; mounted in website.urls inside i18n_patterns (/<lang>/search/)."""

from django.urls import path

from search.views import search_page

app_name = "search"

urlpatterns = [path("", search_page, name="page")]
