"""The one path for learning events: duplicates count once, order does not matter, nothing goes back."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from lms.models import LearningStatement, LessonProgress
from lms.progress import UnknownLesson, record
from lms.progress_rules import LessonRule, LessonState, advance
from lms.statements import POSITION_EXTENSION, Verb
from tests.lms_factories import knowledge_check, make_lesson, statement

pytestmark = pytest.mark.django_db

CHECK = "knowledge_check:q1"
RULE = LessonRule(completion_rule="check_passed", video_share=0.9, checks=(CHECK,))


def at(minutes: int):
    return timezone.now() - timedelta(hours=1) + timedelta(minutes=minutes)


@pytest.fixture
def check_lesson(course):
    return make_lesson(
        course.modules[0], "Knowledge check", body=[knowledge_check()], completion_rule="check_passed"
    )


def progress_of(user, lesson) -> LessonProgress:
    return LessonProgress.objects.get(user=user, lesson_key=lesson.translation_key)


def test_a_statement_starts_a_lesson_and_is_kept_in_the_record(learner, course):
    lesson = course.lessons[1]
    lesson.completion_rule = "learner_marks_done"
    lesson.save_revision().publish()
    recorded = record(statement(learner, lesson, duration_seconds=30))
    assert recorded.new
    assert recorded.progress.status == "in_progress"
    assert recorded.progress.time_spent_seconds == 30
    assert LearningStatement.objects.filter(user=learner, lesson_key=lesson.translation_key).count() == 1


def test_the_same_statement_twice_counts_once(learner, check_lesson):
    first = statement(
        learner, check_lesson, Verb.FAILED, CHECK, success=False, score_scaled=0.2, duration_seconds=60
    )
    assert record(first).new
    again = record(first)
    assert not again.new
    assert LearningStatement.objects.filter(statement_id=first.id).count() == 1
    assert progress_of(learner, check_lesson).time_spent_seconds == 60


def test_a_failed_attempt_after_a_pass_does_not_undo_it(learner, check_lesson):
    check = f"knowledge_check:{check_lesson.body[0].id}"
    record(statement(learner, check_lesson, Verb.PASSED, check, success=True, score_scaled=0.9, at=at(1)))
    record(statement(learner, check_lesson, Verb.FAILED, check, success=False, score_scaled=0.1, at=at(2)))
    progress = progress_of(learner, check_lesson)
    assert progress.status == "completed"
    assert progress.success == "passed"
    assert progress.best_score == 0.9


def test_a_fail_then_a_pass_counts_as_passed_and_keeps_the_best_score(learner, check_lesson):
    check = f"knowledge_check:{check_lesson.body[0].id}"
    record(statement(learner, check_lesson, Verb.FAILED, check, success=False, score_scaled=0.4, at=at(1)))
    assert progress_of(learner, check_lesson).success == "failed"
    record(statement(learner, check_lesson, Verb.PASSED, check, success=True, score_scaled=0.8, at=at(2)))
    progress = progress_of(learner, check_lesson)
    assert (progress.status, progress.success, progress.best_score) == ("completed", "passed", 0.8)


def test_statements_out_of_order_give_the_same_state_as_in_order(course, check_lesson):
    from tests.factories import make_user

    check = f"knowledge_check:{check_lesson.body[0].id}"
    in_order, reversed_order = make_user(), make_user()

    def events(user):
        return [
            statement(user, check_lesson, Verb.EXPERIENCED, at=at(1), duration_seconds=10,
                      extensions={POSITION_EXTENSION: "intro"}),
            statement(user, check_lesson, Verb.FAILED, check, success=False, score_scaled=0.3, at=at(2),
                      duration_seconds=20, extensions={POSITION_EXTENSION: "question-2"}),
            statement(user, check_lesson, Verb.PASSED, check, success=True, score_scaled=0.7, at=at(3),
                      duration_seconds=30, extensions={POSITION_EXTENSION: "end"}),
        ]  # fmt: skip

    for event in events(in_order):
        record(event)
    for event in reversed(events(reversed_order)):
        record(event)
    fields = ["status", "success", "best_score", "time_spent_seconds", "last_position", "completed_at"]
    first, second = progress_of(in_order, check_lesson), progress_of(reversed_order, check_lesson)
    assert [getattr(first, f) for f in fields[:-1]] == [getattr(second, f) for f in fields[:-1]]
    assert first.last_position == "end"
    assert first.status == "completed"


def test_an_older_position_arriving_late_does_not_move_the_resume_point(learner, course):
    lesson = course.lessons[0]
    record(statement(learner, lesson, Verb.PROGRESSED, at=at(5), extensions={POSITION_EXTENSION: "120"}))
    record(statement(learner, lesson, Verb.PROGRESSED, at=at(1), extensions={POSITION_EXTENSION: "10"}))
    assert progress_of(learner, lesson).last_position == "120"


def test_an_unknown_lesson_is_refused_and_nothing_is_recorded(learner):
    from lms.statements import Statement

    with pytest.raises(UnknownLesson):
        record(Statement(id=uuid.uuid4(), user_id=learner.pk, verb=Verb.EXPERIENCED, lesson_key=uuid.uuid4()))
    assert not LearningStatement.objects.exists()
    assert not LessonProgress.objects.exists()


def test_the_record_is_append_only(learner, course):
    record(statement(learner, course.lessons[0]))
    stored = LearningStatement.objects.get()
    with pytest.raises(TypeError):
        stored.save()
    with pytest.raises(TypeError):
        LearningStatement.objects.update(verb="changed")


def test_advance_alone_never_moves_a_status_backwards():
    finished = at(0)
    done = LessonState(status="completed", success="passed", best_score=1.0, completed_at=finished)
    later = statement_like(Verb.FAILED, CHECK, success=False, score_scaled=0.0)
    after = advance(done, later, RULE)
    assert (after.status, after.success, after.best_score, after.completed_at) == (
        "completed",
        "passed",
        1.0,
        finished,
    )


def statement_like(verb, activity, **result):
    from lms.statements import Result, Statement

    return Statement(id=uuid.uuid4(), user_id=1, verb=verb, lesson_key=uuid.uuid4(), activity=activity,
                     result=Result(**result), timestamp=at(10))  # fmt: skip


def test_completing_every_required_lesson_completes_the_enrolment(learner, course):
    from lms.models import Enrolment

    results = [record(statement(learner, lesson)) for lesson in course.lessons]
    assert [r.course_completed for r in results] == [False, False, False, True]
    assert Enrolment.objects.get(user=learner).completed_at is not None


def test_continue_follows_the_learner_between_lessons_and_its_moment_lags_a_quiet_period_at_most(
    learner, course
):
    from lms.models import Enrolment
    from lms.progress import VISIT_QUIET_PERIOD

    first, second = course.lessons[0], course.lessons[1]
    start = timezone.now() - timedelta(hours=1)

    def at(minutes: int):
        return start + timedelta(minutes=minutes)

    def continue_at():
        enrolment = Enrolment.objects.get(user=learner, course_key=course.page.translation_key)
        return enrolment.last_lesson_key, enrolment.last_activity_at

    record(statement(learner, first, Verb.PROGRESSED, at=at(0)))
    assert continue_at() == (first.translation_key, at(0))
    # Another event in the same lesson soon after: Continue is not written again.
    record(statement(learner, first, Verb.PROGRESSED, at=at(1)))
    assert continue_at() == (first.translation_key, at(0))
    # Another lesson at once: Continue moves there, however soon.
    record(statement(learner, second, Verb.PROGRESSED, at=at(2)))
    assert continue_at() == (second.translation_key, at(2))
    record(statement(learner, first, Verb.PROGRESSED, at=at(3)))
    assert continue_at() == (first.translation_key, at(3))
    # Past the quiet period in one lesson: the moment moves on.
    later = at(3) + VISIT_QUIET_PERIOD
    record(statement(learner, first, Verb.PROGRESSED, at=later))
    assert continue_at() == (first.translation_key, later)
