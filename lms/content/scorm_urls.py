"""The SCORM player and its commit endpoints, inside a content session (see lms.content.scorm_views)."""

from django.urls import path

from lms.content import scorm_sequencing_views, scorm_views

urlpatterns = [
    path("", scorm_views.player, name="scorm_player"),
    path("new-attempt", scorm_views.new_attempt, name="scorm_new_attempt"),
    path("commit/<str:attempt_token>", scorm_views.commit, name="scorm_commit"),
    path("sequencing/<str:attempt_token>", scorm_sequencing_views.save_state, name="scorm_sequencing_state"),
]
