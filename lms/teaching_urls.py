"""The teacher dashboard's site URLs, under /<language>/teaching/."""

from django.urls import path

from lms.views import teaching

app_name = "teaching"

urlpatterns = [
    path("", teaching.cohort_list, name="cohorts"),
    path("<int:cohort_id>/", teaching.cohort_dashboard, name="cohort"),
    path("<int:cohort_id>/export.<str:file_format>", teaching.cohort_export, name="export"),
    path("<int:cohort_id>/participants/<int:learner_id>/", teaching.learner_view, name="learner"),
    path(
        "<int:cohort_id>/participants/<int:learner_id>/lessons/<uuid:lesson_key>/done/",
        teaching.mark_lesson_done,
        name="mark_done",
    ),
]
