"""URLs under /content/: package files and players, reached with signed grants."""

from django.urls import include, path

app_name = "lms_content"

urlpatterns = [
    path("scorm/", include("lms.content.scorm_urls")),
]
