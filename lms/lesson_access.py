"""A lesson, its course and whether a learner is enrolled in it, in one query: for the write paths.

SCORM commits and the statements API check on every request that the learner may still
write about the lesson. The lesson's translations and their course depend on the page tree
only: kept per content generation (website.kept_content), so a publication, an unpublication or
a move shows on the next request. Whether the learner is enrolled is read every time, in one
query (none when the caller asks it with a query of its own: ``enrolled_in_course``).
"""

from __future__ import annotations

import uuid

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length, Substr

from lms.models import CoursePage, Enrolment, LessonPage
from website import kept_content
from website.compiled_query import CompiledQuery


def _lessons_with_course(lesson_key: uuid.UUID) -> list[LessonPage]:
    # The course is the lesson's ancestor: the course page whose path starts the lesson's path.
    course = CoursePage.objects.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    lessons = (
        LessonPage.objects.live()
        .filter(translation_key=lesson_key)
        .select_related("locale")
        .order_by("pk")
        .annotate(course_key=Subquery(course.values("translation_key")[:1]))
    )
    return list(lessons)


def lessons_with_course(lesson_key: uuid.UUID) -> list[LessonPage]:
    """The live translations of a lesson, each with ``course_key`` (its course's translation key,
    None outside a course); kept per content generation."""
    return kept_content.for_generation(
        "lessons-with-course", (lesson_key,), lambda: _lessons_with_course(lesson_key)
    )


def enrolled_in_course(user_id, course_keys: set[uuid.UUID]) -> Exists:
    """Whether ``user_id`` (a value or an OuterRef) is enrolled in one of ``course_keys``, as a condition."""
    return Exists(Enrolment.objects.filter(user_id=user_id, course_key__in=course_keys))


#: Asked by every statement batch, content session and course page: compiled once.
_ENROLMENT = CompiledQuery(
    lambda user_id, course_key: Enrolment.objects.filter(user_id=user_id, course_key=course_key).order_by(
        "pk"
    )[:1],
    user_id=int,
    course_key=uuid.UUID,
)


def enrolment_of(user_id: int, course_key: uuid.UUID) -> Enrolment | None:
    """``user_id``'s enrolment in the course ``course_key``, if any; one query compiled once."""
    return next(iter(_ENROLMENT.instances(user_id=user_id, course_key=course_key)), None)


def live_lessons_with_course(lesson_key: uuid.UUID, user_id: int | None) -> list[LessonPage]:
    """``lessons_with_course``, each also with ``enrolled`` (whether ``user_id`` is enrolled in that
    course): at most one query."""
    lessons = lessons_with_course(lesson_key)
    keys = {lesson.course_key for lesson in lessons if lesson.course_key is not None}
    enrolled: set[uuid.UUID] = set()
    if len(keys) == 1 and user_id is not None:
        # The usual lesson, in one course: the query compiled once (every statement batch asks it).
        [course_key] = keys
        enrolled = {course_key} if enrolment_of(user_id, course_key) else set()
    elif keys and user_id is not None:
        enrolled = set(
            Enrolment.objects.filter(user_id=user_id, course_key__in=keys).values_list(
                "course_key", flat=True
            )
        )
    for lesson in lessons:
        lesson.enrolled = lesson.course_key in enrolled
    return lessons


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


def stored_block_value(lesson: LessonPage, activity: str) -> dict:
    """The stored value of the block ``activity`` ("<type>:<id>") of ``lesson``; {} if it has none.

    From the stored body, as ``block_ids``: a chooser's value is the chosen object's id.
    """
    block_type, _colon, block_id = activity.partition(":")
    for block in lesson.body.raw_data:
        if isinstance(block, dict) and block.get("type") == block_type and block.get("id") == block_id:
            return block.get("value") or {}
    return {}
