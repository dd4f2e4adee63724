"""Two cohorts with their teachers and participants, for the teacher dashboard's suites."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from lms.models import Cohort, CompletionRule, LessonPage
from lms.progress import record
from lms.statements import Verb
from tests.factories import make_user
from tests.lms_factories import Course, make_cohort, make_course, statement


@dataclass
class Classroom:
    course: Course
    #: Lesson 2.2 of the course: completed when a teacher marks it done.
    teacher_lesson: LessonPage
    cohort_x: Cohort
    cohort_y: Cohort
    teacher_x: object
    teacher_y: object
    anna: object
    bo: object
    cara: object


def person(username: str, first: str, last: str):
    user = make_user(username)
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])
    return user


def teacher_marked(lesson: LessonPage) -> LessonPage:
    lesson.completion_rule = CompletionRule.TEACHER_MARKS_DONE
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def make_classroom(home) -> Classroom:
    """Cohort X (Anna, Bo; taught by teacher X) and cohort Y (Cara; taught by teacher Y), one course.

    Anna viewed lesson 1.1 three days ago and scored 80 % in a check of lesson 1.2 two days ago;
    Bo has not started; Cara, in cohort Y, viewed lesson 1.1 today.
    """
    course = make_course(home)
    teacher_lesson = teacher_marked(course.lessons[3])
    teacher_x, teacher_y = person("teacher_x", "Tove", "Xander"), person("teacher_y", "Tor", "Ystad")
    anna, bo, cara = (
        person("anna", "Anna", "Aalto"),
        person("bo", "Bo", "Berg"),
        person("cara", "Cara", "Cruz"),
    )
    cohort_x = make_cohort("Cohort X", [course.page], teachers=[teacher_x], members=[anna, bo])
    cohort_y = make_cohort("Cohort Y", [course.page], teachers=[teacher_y], members=[cara])
    record(statement(anna, course.lessons[0], at=days_ago(3)))
    record(
        statement(
            anna,
            course.lessons[1],
            verb=Verb.ANSWERED,
            activity="knowledge_check:q1",
            at=days_ago(2),
            score_scaled=0.8,
            success=True,
        )
    )
    record(statement(cara, course.lessons[0]))
    return Classroom(course, teacher_lesson, cohort_x, cohort_y, teacher_x, teacher_y, anna, bo, cara)
