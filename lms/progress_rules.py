"""What a lesson's state becomes with one more statement: its completion rule and the pure step.

Kept apart from ``lms.progress`` (which reads and writes the records under a lock) so the rules
can be read, and tested, on their own: every rule is monotonic, so statements may come in any order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from lms.lesson_access import block_ids
from lms.models import CompletionRule, LessonPage, LessonProgress, ProgressStatus, SuccessStatus
from lms.models.records import STATUS_ORDER
from lms.statements import Statement, Verb


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
            videos=block_ids(lesson, "tracked_video"),
            checks=block_ids(lesson, "knowledge_check"),
            interactive=block_ids(lesson, "interactive"),
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
