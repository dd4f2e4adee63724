"""A queryset compiled once and run again with other values gives what the ORM gives, on both databases."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from lms.models import Enrolment, LessonProgress
from tests.factories import make_user
from website.compiled_query import CompiledQuery, CompiledUpdate

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


SAVE_PROGRESS = CompiledUpdate(LessonProgress)


def stored(progress: LessonProgress) -> dict:
    row = LessonProgress.objects.get(pk=progress.pk)
    return {field.attname: getattr(row, field.attname) for field in LessonProgress._meta.concrete_fields}


def test_a_compiled_update_stores_every_column_as_save_does(django_assert_num_queries):
    learner = make_user("kari")
    by_save = LessonProgress.objects.create(user=learner, lesson_key=uuid.uuid4(), course_key=uuid.uuid4())
    compiled = LessonProgress.objects.create(user=learner, lesson_key=uuid.uuid4(), course_key=uuid.uuid4())
    moment = timezone.now().replace(microsecond=123456)
    for progress in (by_save, compiled):
        progress.status = "completed"
        progress.best_score = 0.85
        progress.time_spent_seconds = 301.5
        progress.last_position = "page 7 — «æøå»"
        progress.last_position_at = moment
        progress.activities = {"interactive:a": {"passed": True, "score": 0.85}, "lesson": {"viewed": "ja"}}
        progress.first_activity_at = moment - timedelta(days=2)
        progress.completed_at = moment
    by_save.save()
    with django_assert_num_queries(1):
        SAVE_PROGRESS.save(compiled)
    ours, django_s = stored(compiled), stored(by_save)
    for name in ("id", "lesson_key", "course_key"):
        ours.pop(name), django_s.pop(name)
    assert ours == django_s


def test_a_row_not_stored_yet_or_deleted_meanwhile_is_saved_as_django_saves_it():
    learner = make_user("ola")
    new = LessonProgress(user=learner, lesson_key=uuid.uuid4(), course_key=uuid.uuid4(), last_position="1")
    SAVE_PROGRESS.save(new)
    assert LessonProgress.objects.get(pk=new.pk).last_position == "1"
    LessonProgress.objects.filter(pk=new.pk).delete()
    new.last_position = "2"
    SAVE_PROGRESS.save(new)
    assert LessonProgress.objects.get(pk=new.pk).last_position == "2"


def test_a_compiled_update_tells_listeners_as_save_does():
    progress = LessonProgress.objects.create(
        user=make_user("siv"), lesson_key=uuid.uuid4(), course_key=uuid.uuid4()
    )
    heard = []

    def listener(signal, sender, instance, **kwargs):
        heard.append((signal, sender, instance.pk, kwargs.get("created")))

    for signal in (pre_save, post_save):
        signal.connect(listener, sender=LessonProgress, weak=False, dispatch_uid="test-compiled-update")
    try:
        SAVE_PROGRESS.save(progress)
    finally:
        for signal in (pre_save, post_save):
            signal.disconnect(sender=LessonProgress, dispatch_uid="test-compiled-update")
    assert heard == [
        (pre_save, LessonProgress, progress.pk, None),
        (post_save, LessonProgress, progress.pk, False),
    ]
