"""A queryset compiled once and run again with other values gives what the ORM gives, on both databases."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from lms.models import Enrolment, LessonProgress
from tests.factories import make_user
from website.compiled_query import CompiledQuery

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def progress_with_continue(user_id: int, lesson_key: uuid.UUID, course_key: uuid.UUID):
    enrolment = Enrolment.objects.filter(user_id=OuterRef("user_id"), course_key=course_key)
    return LessonProgress.objects.filter(user_id=user_id, lesson_key=lesson_key).annotate(
        continue_key=Subquery(enrolment.values("last_lesson_key")[:1]),
        continue_at=Subquery(enrolment.values("last_activity_at")[:1]),
    )


PROGRESS = CompiledQuery(progress_with_continue, user_id=int, lesson_key=uuid.UUID, course_key=uuid.UUID)


@pytest.fixture
def records(db):
    """Two learners' progress and enrolments, so a run with the wrong values shows."""
    course_key, moment = uuid.uuid4(), timezone.now().replace(microsecond=0)
    lessons = [uuid.uuid4(), uuid.uuid4()]
    learners = [make_user(), make_user()]
    for number, learner in enumerate(learners):
        Enrolment.objects.create(
            user=learner,
            course_key=course_key,
            last_lesson_key=lessons[number],
            last_activity_at=moment - timedelta(minutes=number),
        )
        for lesson in lessons:
            LessonProgress.objects.create(
                user=learner,
                lesson_key=lesson,
                course_key=course_key,
                time_spent_seconds=12.5 * (number + 1),
                activities={"lesson": {"viewed": True}, "learner": number},
                last_activity_at=moment,
            )
    return learners, lessons, course_key


FIELDS = ["id", "user_id", "lesson_key", "course_key", "time_spent_seconds", "activities", "last_activity_at"]


def described(progress) -> dict:
    return {name: getattr(progress, name) for name in [*FIELDS, "continue_key", "continue_at"]}


def test_instances_are_what_the_orm_gives_with_their_annotations_converted(records):
    learners, lessons, course_key = records
    for learner in learners:
        for lesson in lessons:
            values = {"user_id": learner.pk, "lesson_key": lesson, "course_key": course_key}
            [compiled] = PROGRESS.instances(**values)
            [by_the_orm] = progress_with_continue(**values)
            assert described(compiled) == described(by_the_orm)
            assert isinstance(compiled.continue_key, uuid.UUID)
            assert compiled.continue_at == Enrolment.objects.get(user=learner).last_activity_at
    # An instance to save, as one read by the ORM.
    [progress] = PROGRESS.instances(user_id=learners[0].pk, lesson_key=lessons[0], course_key=course_key)
    progress.time_spent_seconds = 99
    progress.save()
    assert LessonProgress.objects.get(pk=progress.pk).time_spent_seconds == 99
    assert PROGRESS.instances(user_id=-1, lesson_key=lessons[0], course_key=course_key) == []


def test_values_come_back_as_dicts_by_name(records):
    learners, lessons, course_key = records
    query = CompiledQuery(
        lambda user_id: LessonProgress.objects.filter(user_id=user_id).values("lesson_key", "activities"),
        user_id=int,
    )
    for learner in learners:
        expected = list(LessonProgress.objects.filter(user=learner).values("lesson_key", "activities"))
        assert sorted(query.dicts(user_id=learner.pk), key=str) == sorted(expected, key=str)


def test_a_value_that_never_reaches_the_sql_is_refused(records):
    unused = CompiledQuery(
        lambda user_id, note: LessonProgress.objects.filter(user_id=user_id), user_id=int, note=str
    )
    with pytest.raises(ValueError, match="note"):
        unused.instances(user_id=1, note="x")
    joined = CompiledQuery(
        lambda user_id: LessonProgress.objects.filter(user_id=user_id).select_related("user"), user_id=int
    )
    with pytest.raises(ValueError, match="select_related"):
        joined.instances(user_id=1)
    with pytest.raises(TypeError, match="course_key"):
        PROGRESS.instances(user_id=1, lesson_key=uuid.uuid4())
