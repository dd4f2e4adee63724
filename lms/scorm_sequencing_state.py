"""Where a SCORM 2004 attempt stands in its package's sequencing, kept between page loads.

scorm-again's sequencing engine runs in the player page; each page shows one SCO, so the
engine's state (current activity, attempt counts, statuses, global objectives, the order
selection and randomisation chose) is saved after every navigation and handed back to the
next page. ``ScormAttempt.sequencing_state`` holds ``{"state": <scorm-again's serialised
state, a JSON string>, "current": <the activity to deliver, an item identifier, or None when
the sequencing session has ended>}``.

The player page delivers the stored current activity whatever ``?item=`` says, so a learner
cannot open an activity the sequencing has not delivered (a final test first, for example).
The stored state is the learner's own tracking data, trusted as their CMI commits are.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from lms import bounds
from lms.models import ScormAttempt
from lms.progress import record
from lms.scorm_attempt_result import STATEMENT_NAMESPACE
from lms.scorm_cmi import FAILED, PASSED, UNKNOWN, CommitError, load_body
from lms.scorm_manifest import launchable_items
from lms.statements import Result, Verb, lesson_statement

#: scorm-again's state takes about 6 KB per activity: room for some 150.
MAX_STATE_BYTES = 1024 * 1024


def sequenced(manifest: dict) -> bool:
    """Whether the package runs under scorm-again's sequencing (SCORM 2004 read with its activity tree)."""
    return manifest.get("standard") == "2004" and bool(manifest.get("sequencing"))


def current_item(attempt: ScormAttempt) -> dict | None:
    """The item the stored sequencing state delivers, or None (not started, or ended)."""
    stored = attempt.sequencing_state or {}
    current = stored.get("current")
    return next(
        (item for item in launchable_items(attempt.package.manifest) if item["identifier"] == current), None
    )


def engine_state(attempt: ScormAttempt) -> str:
    """scorm-again's serialised state for the player ("" before the first navigation)."""
    return (attempt.sequencing_state or {}).get("state") or ""


def _rollup(data: dict) -> dict:
    """The root activity's rollup the engine reports: completion, success and score, checked."""
    rollup = data.get("rollup") if isinstance(data.get("rollup"), dict) else {}
    score = rollup.get("score")
    valid_score = isinstance(score, int | float) and not isinstance(score, bool) and -1 <= score <= 1
    return {
        "completed": rollup.get("completed") is True,
        "success": rollup.get("success") if rollup.get("success") in (PASSED, FAILED) else UNKNOWN,
        "score": round(float(score), 6) if valid_score else None,
    }


def read_state_body(body: bytes, manifest: dict) -> dict:
    """What a player posts: ``{"state": <string>, "current": <item id or null>, "rollup": {"completed",
    "success", "score"}}``, checked; CommitError if it cannot be kept."""
    data = load_body(body, MAX_STATE_BYTES, "sequencing state", _("The sequencing state must be JSON."))
    state = data.get("state") if isinstance(data, dict) else None
    current = data.get("current") if isinstance(data, dict) else None
    if not isinstance(state, str) or not state:
        raise CommitError(_("The sequencing state is missing."))
    try:
        bounds.load_json(state, "sequencing state")
    except (bounds.NotJson, bounds.InputError):
        raise CommitError(_("The sequencing state must be JSON.")) from None
    identifiers = {item["identifier"] for item in launchable_items(manifest)}
    if current is not None and current not in identifiers:
        raise CommitError(_("The sequencing state names an activity the package cannot launch."))
    return {"state": state, "current": current, "rollup": _rollup(data)}


def _statement(attempt: ScormAttempt, lesson, verb: Verb, result: Result, change: str):
    return lesson_statement(
        attempt.user_id,
        lesson,
        verb,
        activity=attempt.activity,
        result=result,
        id=uuid.uuid5(STATEMENT_NAMESPACE, f"{attempt.pk}:sequencing:{change}"),
    )


def save(attempt: ScormAttempt, lesson, stored: dict) -> int:
    """Keep the attempt's sequencing state and record what its rollup changed; how many statements.

    The root activity's rollup (the package's rollup rules: "only the tests count", "the post
    test decides") is the attempt's result: COMPLETED once it is completed, PASSED or FAILED
    with its score when that changes. Commits still record what each SCO did (``lms.scorm_runtime``);
    a lesson's success only grows (``lms.progress``), so a later pass counts over an earlier fail.
    """
    with transaction.atomic():
        locked = ScormAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is not None:
            raise CommitError(_("This attempt is finished: reload the lesson."), status=409)
        before = (locked.sequencing_state or {}).get("rollup") or {}
        ScormAttempt.objects.filter(pk=attempt.pk).update(sequencing_state=stored)
        after = stored["rollup"]
        statements = []
        if after["completed"] and not before.get("completed"):
            statements.append(
                _statement(attempt, lesson, Verb.COMPLETED, Result(completion=True), "completed")
            )
        if after["success"] != UNKNOWN and (after["success"], after["score"]) != (
            before.get("success"),
            before.get("score"),
        ):
            verb = Verb.PASSED if after["success"] == PASSED else Verb.FAILED
            result = Result(success=after["success"] == PASSED, score_scaled=after["score"])
            statements.append(
                _statement(attempt, lesson, verb, result, f"{after['success']}:{after['score']}")
            )
        return sum(record(statement, lesson).new for statement in statements)


def player_data(attempt: ScormAttempt, item: dict, item_url, save_url: str) -> dict | None:
    """What the player's sequencing needs (``lms/static/lms/js/scorm-player.js``), or None if unsequenced.

    ``item_url(identifier)`` is the player URL of an item; the engine's deliveries go there.
    ``save_url``: where the engine's state is posted (in the player's content session).
    """
    manifest = attempt.package.manifest
    if not sequenced(manifest):
        return None
    items = launchable_items(manifest)
    return {
        "tree": manifest["sequencing"],
        "state": engine_state(attempt),
        "item": item["identifier"],
        "saveUrl": save_url,
        "itemUrls": {entry["identifier"]: item_url(entry["identifier"]) for entry in items},
        "texts": {
            "ended": _("You have reached the end of this content. Your results are saved."),
            "blocked": _("The content does not allow that move now."),
        },
    }
