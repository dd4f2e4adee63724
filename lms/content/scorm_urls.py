"""The SCORM player and its commit endpoint (see lms.content.scorm_views)."""

urlpatterns = []
