"""URLs under /content/: package files and players, reached with signed grants."""

from django.urls import include, path

from lms.content import files, h5p_views

app_name = "lms_content"

urlpatterns = [
    path("files/<str:token>/<path:path>", files.package_file, name="file"),
    path("h5p/<str:token>/", h5p_views.player, name="h5p_player"),
    path("h5p/<str:token>/user-data", h5p_views.user_data, name="h5p_user_data"),
    path("scorm/", include("lms.content.scorm_urls")),
]
