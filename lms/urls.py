"""The learner's URLs, under each language's prefix (/en/learning/, /nb/learning/, ...)."""

from django.urls import path

from lms.views import learner

app_name = "lms"

urlpatterns = [
    path("learning/", learner.my_learning, name="my_learning"),
    path("learning/courses/<uuid:course_key>/enrol/", learner.enrol_in_course, name="enrol"),
    path("learning/courses/<uuid:course_key>/continue/", learner.continue_course, name="continue"),
    path("learning/lessons/<uuid:lesson_key>/done/", learner.mark_done, name="mark_done"),
    path(
        "learning/lessons/<uuid:lesson_key>/checks/<str:block_id>/", learner.answer_check, name="answer_check"
    ),
]
