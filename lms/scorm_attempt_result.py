"""A SCORM attempt's result from its SCOs' states, and the statements a change of it records.

Several SCOs: the attempt is completed when every SCO is; it is passed when none failed, at
least one passed and the others are completed; its score is the mean of the SCOs' scaled
scores. Assets (scorm_type "asset") do not talk to the LMS and are left out. Statement ids
are derived from the attempt and the change, so a repeated commit records nothing twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from lms.models import ScormAttempt, ScormItemState
from lms.scorm_cmi import COMPLETED, FAILED, PASSED, UNKNOWN, ScoFacts
from lms.statements import Result, Verb, lesson_statement

#: Statement ids are uuid5 in this namespace of "attempt:change".
STATEMENT_NAMESPACE = uuid.UUID("6f0c4a52-34a4-4f0e-9d53-2f3f1a5c9e01")


@dataclass(frozen=True)
class AttemptResult:
    completed: bool = False
    success: str = UNKNOWN
    score: float | None = None


def attempt_result(items: list[dict], states: dict[str, ScormItemState]) -> AttemptResult:
    """Completion, success and score of an attempt from its SCOs' states."""
    tracked = [item for item in items if item.get("scorm_type") != "asset"] or items
    found = [states.get(item["identifier"]) for item in tracked]
    completed = bool(found) and all(state and state.completion_status == COMPLETED for state in found)
    if any(state and state.success_status == FAILED for state in found):
        success = FAILED
    elif any(state and state.success_status == PASSED for state in found) and all(
        state and (state.success_status == PASSED or state.completion_status == COMPLETED) for state in found
    ):
        success = PASSED
    else:
        success = UNKNOWN
    scores = [state.score_scaled for state in found if state and state.score_scaled is not None]
    return AttemptResult(completed, success, round(sum(scores) / len(scores), 6) if scores else None)


def statement_id(attempt: ScormAttempt, change: str) -> uuid.UUID:
    return uuid.uuid5(STATEMENT_NAMESPACE, f"{attempt.pk}:{change}")


def result_statements(
    attempt, lesson, before: AttemptResult, after: AttemptResult, facts: ScoFacts, single: bool
):
    """Statements for what changed in the attempt's completion, success and score."""
    score = {"score_scaled": after.score}
    if single and after.score is not None:
        score.update(score_raw=facts.score_raw, score_min=facts.score_min, score_max=facts.score_max)
    score_changed = after.score != before.score
    statements = []
    if after.completed and (not before.completed or (score_changed and after.success == UNKNOWN)):
        result = Result(completion=True, **(score if after.success == UNKNOWN else {}))
        change = f"completed:{after.score if after.success == UNKNOWN else ''}"
        statements.append((Verb.COMPLETED, result, change))
    if after.success != UNKNOWN and (after.success != before.success or score_changed):
        verb = Verb.PASSED if after.success == PASSED else Verb.FAILED
        statements.append(
            (verb, Result(success=after.success == PASSED, **score), f"{after.success}:{after.score}")
        )
    return [
        lesson_statement(
            attempt.user_id,
            lesson,
            verb,
            activity=attempt.activity,
            result=result,
            id=statement_id(attempt, change),
        )
        for verb, result, change in statements
    ]
