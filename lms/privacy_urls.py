"""The learner's own data, under each language's prefix (/en/my-data/, ...)."""

from django.urls import path

from lms.views import privacy

app_name = "privacy"

urlpatterns = [
    path("", privacy.overview, name="overview"),
    path("export.json", privacy.export, name="export"),
    path("erasure/", privacy.erasure, name="erasure"),
]
