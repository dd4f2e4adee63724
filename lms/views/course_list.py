"""The course list at /<language>/courses/: every published course, so people can find one to join."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from lms.models import CoursePage, Enrolment
from website.languages import in_language, served_locales


@dataclass(frozen=True)
class CourseListing:
    course: CoursePage
    #: Shown in another language than the reader's (none in theirs yet).
    other_language: bool
    enrolled: bool
    completed: bool

    @property
    def state(self) -> str:
        if self.completed:
            return "completed"
        if self.enrolled:
            return "enrolled"
        return "open" if self.course.self_enrolment else "cohort"


def course_list(request: HttpRequest) -> HttpResponse:
    language = translation.get_language()
    courses = in_language(CoursePage.objects.live().public().filter(locale_id__in=served_locales()), language)
    enrolments = {}
    if request.user.is_authenticated:
        mine = Enrolment.objects.filter(user=request.user).only("course_key", "completed_at")
        enrolments = {enrolment.course_key: enrolment for enrolment in mine}
    listings = [
        CourseListing(
            course=course,
            other_language=course.locale.language_code != language,
            enrolled=course.translation_key in enrolments,
            completed=bool(
                course.translation_key in enrolments and enrolments[course.translation_key].completed_at
            ),
        )
        for course in sorted(courses, key=lambda c: c.title.casefold())
    ]
    return render(request, "lms/learner/course_list.html", {"listings": listings})
