"""A lesson, its course and whether a learner is enrolled in it, in one query: for the write paths.

SCORM commits and the statements API check on every request that the learner may still
write about the lesson. Asked one by one (the lesson, its course by the page tree, the
enrolment) that is three queries per request, and per statement in a batch; here it is one.
"""

from __future__ import annotations

import uuid

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length, Substr

from lms.models import CoursePage, Enrolment, LessonPage


def live_lessons_with_course(lesson_key: uuid.UUID, user_id: int | None) -> list[LessonPage]:
    """The live translations of a lesson, each with ``course_key`` (its course's translation key,
    None outside a course) and ``enrolled`` (whether ``user_id`` is enrolled in that course)."""
    # The course is the lesson's ancestor: the course page whose path starts the lesson's path.
    course = CoursePage.objects.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    lessons = (
        LessonPage.objects.live()
        .filter(translation_key=lesson_key)
        .select_related("locale")
        .order_by("pk")
        .annotate(course_key=Subquery(course.values("translation_key")[:1]))
        .annotate(
            enrolled=Exists(Enrolment.objects.filter(user_id=user_id, course_key=OuterRef("course_key")))
        )
    )
    return list(lessons)


def lesson_in_language(lessons: list[LessonPage], language: str) -> LessonPage | None:
    """The translation in ``language``, else any (statements carry the language they were made in)."""
    return next(
        (page for page in lessons if page.locale.language_code == language), lessons[0] if lessons else None
    )


def block_ids(lesson: LessonPage, block_type: str) -> tuple[str, ...]:
    """``lesson.activity_ids(block_type)`` from the stored body, without building its blocks.

    Building them loads the chosen packages and images: a query and most of the time of a commit.
    """
    return tuple(
        f"{block_type}:{block.get('id')}"
        for block in lesson.body.raw_data
        if isinstance(block, dict) and block.get("type") == block_type
    )
