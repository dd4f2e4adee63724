"""URLs under /content/: a one-use launch link, then a content session's files and players.

Everything of one session lives under /content/s/<session token>/, the path its cookie is
limited to (``lms.content.launch``).
"""

from django.urls import include, path

from lms.content import files, h5p_views, launch

app_name = "lms_content"

session_urlpatterns = [
    path("files/<path:path>", files.package_file, name="file"),
    path("frame-cookie", launch.frame_cookie, name="frame_cookie"),
    path("h5p/", h5p_views.player, name="h5p_player"),
    path("h5p/user-data", h5p_views.user_data, name="h5p_user_data"),
    path("scorm/", include("lms.content.scorm_urls")),
]

urlpatterns = [
    path("launch/<str:token>/", launch.launch, name="launch"),
    path("s/<str:token>/", include(session_urlpatterns)),
]
