"""The one path for learning events: record a statement, advance the learner's lesson state.

Every adapter (lesson views, tracked videos, knowledge checks, the statement API,
H5P and SCORM) builds a ``Statement`` and calls ``record``. Nothing else writes
``LearningStatement`` or ``LessonProgress``.

Browsers send events in parallel and out of order, so the state is advanced under
a row lock from the stored row, never from a copy read earlier, and every rule is
monotonic: a status only moves forwards, a pass stays a pass, the best score only
rises, and the resume position follows the newest timestamp, not the newest request.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import lrs
from lms.models import (
    CompletionRule,
    Enrolment,
    LearningStatement,
    LessonPage,
    LessonProgress,
    ProgressStatus,
    SuccessStatus,
)
from lms.models.courses import course_of
from lms.models.records import STATUS_ORDER
from lms.statements import Statement, StatementError, Verb, lesson_statement


class UnknownLesson(StatementError):
    """The statement names a lesson that does not exist (or is not published)."""


class StatementIdTaken(StatementError):
    """The statement's id is stored for another learner: it is not "already recorded" for this one."""


@dataclass(frozen=True)
class LessonRule:
    """What a lesson needs for completion; the same in every translation."""

    completion_rule: str
    video_share: float
    videos: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    interactive: tuple[str, ...] = ()

    @classmethod
    def of(cls, lesson: LessonPage) -> LessonRule:
        return cls(
            completion_rule=lesson.completion_rule,
            video_share=lesson.video_share / 100,
            videos=tuple(lesson.activity_ids("tracked_video")),
            checks=tuple(lesson.activity_ids("knowledge_check")),
            interactive=tuple(lesson.activity_ids("interactive")),
        )


@dataclass(frozen=True)
class LessonState:
    """The part of ``LessonProgress`` that statements advance."""

    status: str = ProgressStatus.NOT_STARTED
    success: str = SuccessStatus.UNKNOWN
    best_score: float | None = None
    time_spent_seconds: float = 0
    last_position: str = ""
    last_position_at: datetime | None = None
    activities: dict = field(default_factory=dict)
    first_activity_at: datetime | None = None
    last_activity_at: datetime | None = None
    completed_at: datetime | None = None

    @classmethod
    def of(cls, progress: LessonProgress) -> LessonState:
        return cls(**{name: getattr(progress, name) for name in cls.__dataclass_fields__})


def _rule_met(rule: LessonRule, activities: dict) -> bool:
    lesson = activities.get("lesson", {})
    match rule.completion_rule:
        case CompletionRule.VIEWED:
            return bool(lesson.get("viewed"))
        case CompletionRule.VIDEO_WATCHED:
            return bool(rule.videos) and all(
                activities.get(video, {}).get("watched", 0) >= rule.video_share - 1e-9
                for video in rule.videos
            )
        case CompletionRule.CHECK_PASSED:
            return bool(rule.checks) and all(activities.get(check, {}).get("passed") for check in rule.checks)
        case CompletionRule.LEARNER_MARKS_DONE:
            return bool(lesson.get("marked_done"))
        case CompletionRule.TEACHER_MARKS_DONE:
            return bool(lesson.get("teacher_done"))
        case CompletionRule.INTERACTIVE_COMPLETED:
            return bool(rule.interactive) and all(
                activities.get(part, {}).get("completed") for part in rule.interactive
            )
        case CompletionRule.INTERACTIVE_PASSED:
            return bool(rule.interactive) and all(
                activities.get(part, {}).get("passed") for part in rule.interactive
            )
    return False


def _success(rule: LessonRule, activities: dict) -> str:
    graded = rule.checks or tuple(key for key, facts in activities.items() if "passed" in facts)
    if graded and all(activities.get(key, {}).get("passed") for key in graded):
        return SuccessStatus.PASSED
    if any(facts.get("failed") for facts in activities.values()):
        return SuccessStatus.FAILED
    return SuccessStatus.UNKNOWN


def _activity_facts(facts: dict, statement: Statement) -> dict:
    """One activity's facts after a statement; each fact only grows."""
    facts = dict(facts)
    result = statement.result
    if statement.verb == Verb.EXPERIENCED:
        facts["viewed"] = True
    if statement.verb == Verb.COMPLETED and statement.activity == "lesson":
        facts["teacher_done" if statement.authority_id else "marked_done"] = True
    if result.completion or (statement.verb == Verb.COMPLETED and statement.activity != "lesson"):
        facts["completed"] = True
    if statement.watched_share is not None:
        facts["watched"] = max(facts.get("watched", 0), statement.watched_share)
    if result.success is True or statement.verb == Verb.PASSED:
        facts["passed"] = True
    elif result.success is False or statement.verb == Verb.FAILED:
        facts["failed"] = True
        facts.setdefault("passed", False)
    moment = statement.timestamp.astimezone(UTC).isoformat(timespec="microseconds")
    if statement.position is not None and moment >= facts.get("position_at", ""):
        facts["position"], facts["position_at"] = statement.position, moment
    if result.score_scaled is not None:
        facts["best_score"] = max(facts.get("best_score", result.score_scaled), result.score_scaled)
    return facts


def advance(state: LessonState, statement: Statement, rule: LessonRule) -> LessonState:
    """The lesson state after one more statement. Pure, so it can be tested on its own."""
    activities = dict(state.activities)
    activities[statement.activity] = _activity_facts(activities.get(statement.activity, {}), statement)
    moment = statement.timestamp
    status = max(state.status, ProgressStatus.IN_PROGRESS, key=STATUS_ORDER.__getitem__)
    completed_at = state.completed_at
    if status != ProgressStatus.COMPLETED and _rule_met(rule, activities):
        status, completed_at = ProgressStatus.COMPLETED, moment
    success = SuccessStatus.PASSED if state.success == SuccessStatus.PASSED else _success(rule, activities)
    scores = [s for s in (state.best_score, statement.result.score_scaled) if s is not None]
    position, position_at = state.last_position, state.last_position_at
    if statement.position is not None and (position_at is None or moment >= position_at):
        position, position_at = statement.position, moment
    return replace(
        state,
        status=status,
        success=success,
        best_score=max(scores) if scores else None,
        time_spent_seconds=state.time_spent_seconds + (statement.result.duration_seconds or 0),
        last_position=position,
        last_position_at=position_at,
        activities=activities,
        first_activity_at=min(filter(None, (state.first_activity_at, moment))),
        last_activity_at=max(filter(None, (state.last_activity_at, moment))),
        completed_at=completed_at,
    )


@dataclass(frozen=True)
class Recorded:
    progress: LessonProgress
    #: False when the statement id had been recorded before: nothing changed.
    new: bool
    course_completed: bool = False


def lesson_for(lesson_key: uuid.UUID) -> LessonPage:
    lesson = LessonPage.objects.live().filter(translation_key=lesson_key).select_related("locale").first()
    if lesson is None:
        raise UnknownLesson(_("There is no published lesson %(key)s.") % {"key": lesson_key})
    return lesson


def record(statement: Statement, lesson: LessonPage | None = None) -> Recorded:
    """Append ``statement`` to the learning record and advance its learner's lesson state.

    The same statement id twice counts once; statements may arrive in any order.
    """
    lesson = lesson or lesson_for(statement.lesson_key)
    course = course_of(lesson)
    course_key = course.translation_key
    result = statement.result
    with transaction.atomic():
        try:
            with transaction.atomic():
                stored_statement = LearningStatement.objects.create(
                    statement_id=statement.id,
                    user_id=statement.user_id,
                    verb=statement.verb,
                    lesson_key=statement.lesson_key,
                    course_key=course_key,
                    activity=statement.activity,
                    language=statement.language,
                    score_scaled=result.score_scaled,
                    score_raw=result.score_raw,
                    score_min=result.score_min,
                    score_max=result.score_max,
                    success=result.success,
                    completion=result.completion,
                    duration_seconds=result.duration_seconds,
                    extensions=result.extensions,
                    authority_id=statement.authority_id,
                    timestamp=statement.timestamp,
                )
                lrs.forward_after_commit(stored_statement)
        except IntegrityError:
            # Checked here, in the transaction that found the id taken, not only by callers before it.
            stored = LearningStatement.objects.filter(statement_id=statement.id)
            owners = stored.values_list("user_id", flat=True)
            if statement.user_id not in owners:
                raise StatementIdTaken(
                    _("The statement id %(id)s is already recorded for someone else.") % {"id": statement.id}
                ) from None
            progress = LessonProgress.objects.filter(
                user_id=statement.user_id, lesson_key=statement.lesson_key
            )
            return Recorded(progress=progress.first(), new=False)
        LessonProgress.objects.get_or_create(
            user_id=statement.user_id, lesson_key=statement.lesson_key, defaults={"course_key": course_key}
        )
        progress = LessonProgress.objects.select_for_update().get(
            user_id=statement.user_id, lesson_key=statement.lesson_key
        )
        was_completed = progress.status == ProgressStatus.COMPLETED
        state = advance(LessonState.of(progress), statement, LessonRule.of(lesson))
        for name, value in vars(state).items():
            setattr(progress, name, value)
        progress.save()
        _note_last_lesson(statement, course_key)
        course_completed = not was_completed and progress.status == ProgressStatus.COMPLETED
        if course_completed:
            course_completed = _complete_course_if_done(statement.user_id, course, statement.timestamp)
    return Recorded(progress=progress, new=True, course_completed=course_completed)


#: A lesson opened again this soon after the learner's last activity in it, while Continue already
#: points at it, is not recorded again: that view changes nothing anyone sees, and a write on every
#: page view made reading a lesson as costly as saving work.
VISIT_QUIET_PERIOD = timedelta(minutes=10)


def record_visit(
    user, lesson: LessonPage, progress: LessonProgress | None, enrolment: Enrolment | None
) -> LessonProgress | None:
    """Record that an enrolled ``user`` opened ``lesson`` when it changes something; the progress to show.

    A visit is recorded the first time, whenever Continue points elsewhere, and after the quiet period.
    """
    quiet = (
        progress is not None
        and progress.activities.get("lesson", {}).get("viewed")
        and enrolment is not None
        and enrolment.last_lesson_key == lesson.translation_key
        and progress.last_activity_at is not None
        and timezone.now() - progress.last_activity_at < VISIT_QUIET_PERIOD
    )
    if quiet:
        return progress
    return record(lesson_statement(user.pk, lesson, Verb.EXPERIENCED), lesson=lesson).progress


def _note_last_lesson(statement: Statement, course_key: uuid.UUID) -> None:
    """Point the enrolment's Continue at this lesson unless a newer event already moved it."""
    Enrolment.objects.filter(user_id=statement.user_id, course_key=course_key).filter(
        Q(last_activity_at__isnull=True) | Q(last_activity_at__lte=statement.timestamp)
    ).update(last_lesson_key=statement.lesson_key, last_activity_at=statement.timestamp)


def _complete_course_if_done(user_id: int, course, moment: datetime) -> bool:
    from lms.outline import required_lesson_keys

    required = required_lesson_keys(course)
    done = LessonProgress.objects.filter(
        user_id=user_id, lesson_key__in=required, status=ProgressStatus.COMPLETED
    ).count()
    if done < len(required):
        return False
    updated = Enrolment.objects.filter(
        user_id=user_id, course_key=course.translation_key, completed_at__isnull=True
    ).update(completed_at=moment)
    return bool(updated)
