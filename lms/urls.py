"""The learner's URLs, under each language's prefix (/en/learning/, /nb/learning/, ...)."""

from django.urls import path

from lms.views import course_list, invitations, learner

app_name = "lms"

urlpatterns = [
    path("learning/", learner.my_learning, name="my_learning"),
    path("courses/", course_list.course_list, name="course_list"),
    path("learning/invitations/<str:token>/", invitations.invitation, name="invitation"),
    path("learning/courses/<uuid:course_key>/register/", invitations.register, name="register"),
    path("learning/courses/<uuid:course_key>/enrol/", learner.enrol_in_course, name="enrol"),
    path("learning/courses/<uuid:course_key>/continue/", learner.continue_course, name="continue"),
    path("learning/lessons/<uuid:lesson_key>/done/", learner.mark_done, name="mark_done"),
    path(
        "learning/lessons/<uuid:lesson_key>/checks/<str:block_id>/", learner.answer_check, name="answer_check"
    ),
]
