"""SCORM attempts and commits: what a learner leaves in a SCORM package, and what it means for progress.

An attempt belongs to one learner, one lesson block ("interactive:<block id>") and one
package. The current attempt is the newest one not finished; it continues across visits
(the player says "resume" and hands back location and suspend data) until the learner
starts a new one, which finishes it. ``max_attempts`` of the block (0: no limit) caps how
many a learner may start.

A commit stores one SCO's CMI in ``ScormItemState`` under a lock on the learner's progress in
the lesson and turns what changed into statements through ``lms.progress`` with ids derived
from the attempt and the change, so the same commit twice counts once:

- the attempt's completion and success → COMPLETED, PASSED or FAILED with its score
  (``lms.scorm_attempt_result``);
- the SCO's location and the session time added → PROGRESSED with the position and duration.

Session time: a SCO reports the time of its whole session, and scorm-again repeats it in
every commit until Terminate. The player names each session (``session`` in the commit
URL); per session only what exceeds the seconds already counted is added, so time is
counted once, also when the final beacon repeats an earlier commit.

``ScormItemState.cmi`` holds ``{"cmi": <the CMI as last committed>, "sessions": {<session>:
<seconds counted>}}`` (the latest sessions only).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms import scorm_cmi, scorm_lms_rules
from lms.lesson_access import stored_block_value
from lms.models import LessonPage, LessonProgress, ScormAttempt, ScormItemState
from lms.models.courses import course_of
from lms.progress import lock_progress, record_all
from lms.scorm_attempt_result import AttemptResult, attempt_result, result_statements, statement_id
from lms.scorm_cmi import UNKNOWN, CommitError
from lms.scorm_manifest import launchable_items
from lms.statements import POSITION_EXTENSION, Result, Verb, lesson_statement
from website.compiled_query import CompiledQuery, CompiledUpdate

SESSION_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
#: How many sessions' counted seconds an item keeps (late beacons of older sessions still count once).
KEPT_SESSIONS = 20


class AttemptRefused(Exception):
    """The learner may not start another attempt; the message says why."""


# --- Attempts ----------------------------------------------------------------------


def max_attempts_of(lesson: LessonPage, activity: str) -> int:
    """The block's limit on attempts; 0 for none."""
    # From the stored body: building the blocks would load the chosen package too.
    return stored_block_value(lesson, activity).get("max_attempts") or 0


def _attempts(user, lesson_key: uuid.UUID, activity: str):
    return ScormAttempt.objects.filter(user=user, lesson_key=lesson_key, activity=activity)


def _create_attempt(user, lesson_key: uuid.UUID, activity: str, package) -> ScormAttempt:
    """A new attempt with the next number; two at once get different numbers or one fails."""
    for _try in range(3):
        last = _attempts(user, lesson_key, activity).order_by("-number").first()
        try:
            with transaction.atomic():
                return ScormAttempt.objects.create(
                    user=user,
                    lesson_key=lesson_key,
                    activity=activity,
                    package=package,
                    number=(last.number if last else 0) + 1,
                )
        except IntegrityError:
            continue
    raise AttemptRefused(_("Another attempt was started at the same moment: reload the lesson."))


def current_attempt(user, lesson: LessonPage, activity: str, package) -> ScormAttempt:
    """The attempt a learner continues in ``package``: the newest unfinished one, or the first."""
    attempts = _attempts(user, lesson.translation_key, activity)
    current = attempts.filter(package=package, finished_at__isnull=True).order_by("-number").first()
    if current is not None:
        return current
    used = attempts.count()
    limit = max_attempts_of(lesson, activity)
    if limit and used >= limit:
        # Every attempt is used (perhaps in another language's package): show the newest again.
        newest = attempts.filter(package=package).order_by("-number").first()
        if newest is None:
            raise AttemptRefused(
                ngettext(
                    "You have used your %(count)s attempt.", "You have used all %(count)s attempts.", limit
                )
                % {"count": limit}
            )
        return newest
    return _create_attempt(user, lesson.translation_key, activity, package)


@dataclass(frozen=True)
class AttemptAllowance:
    used: int
    #: 0: no limit.
    limit: int

    @property
    def left(self) -> int | None:
        return None if not self.limit else max(0, self.limit - self.used)


def allowance(user, lesson: LessonPage, activity: str) -> AttemptAllowance:
    return AttemptAllowance(
        used=_attempts(user, lesson.translation_key, activity).count(),
        limit=max_attempts_of(lesson, activity),
    )


#: Every player page asks it: compiled once (website.compiled_query).
_LEARNERS_ATTEMPTS = CompiledQuery(
    lambda user_id, lesson_key, activity: ScormAttempt.objects.filter(
        user_id=user_id, lesson_key=lesson_key, activity=activity
    ).order_by("-number"),
    user_id=int,
    lesson_key=uuid.UUID,
    activity=str,
)


#: Read on every commit and player page: compiled once (website.compiled_query).
_ITEM_STATES = CompiledQuery(
    lambda attempt_id: ScormItemState.objects.filter(attempt_id=attempt_id), attempt_id=int
)


#: Written on every commit (the SCO's state once it has one): its UPDATE written once.
_SAVE_ITEM_STATE = CompiledUpdate(ScormItemState)


def item_states(attempt: ScormAttempt) -> dict[str, ScormItemState]:
    """The attempt's item states by item, with a query compiled once (every commit and player asks)."""
    return {state.item_identifier: state for state in _ITEM_STATES.instances(attempt_id=attempt.pk)}


def player_attempt(user, lesson: LessonPage, activity: str, package) -> tuple[ScormAttempt, AttemptAllowance]:
    """``current_attempt`` and ``allowance`` for the player, in one query for a returning learner."""
    attempts = _LEARNERS_ATTEMPTS.instances(
        user_id=user.pk, lesson_key=lesson.translation_key, activity=activity
    )
    current = next((a for a in attempts if a.package_id == package.pk and a.finished_at is None), None)
    used = len(attempts)
    if current is None:
        # A first visit, or every attempt finished: the rules (and the refusal) of current_attempt.
        current = current_attempt(user, lesson, activity, package)
        used = _attempts(user, lesson.translation_key, activity).count()
    current.package = package
    return current, AttemptAllowance(used=used, limit=max_attempts_of(lesson, activity))


def start_new_attempt(user, lesson: LessonPage, activity: str, package) -> ScormAttempt:
    """Finish the current attempt and start the next one; AttemptRefused when none is left."""
    with transaction.atomic():
        current = (
            _attempts(user, lesson.translation_key, activity)
            .select_for_update()
            .filter(package=package, finished_at__isnull=True)
            .order_by("-number")
            .first()
        )
        if current is not None and not current.items.filter(commit_count__gt=0).exists():
            raise AttemptRefused(_("You have not started this attempt yet: there is nothing to start again."))
        limit = allowance(user, lesson, activity)
        if limit.left == 0:
            raise AttemptRefused(
                ngettext(
                    "You have used your %(count)s attempt: no new one can be started.",
                    "You have used all %(count)s attempts: no new one can be started.",
                    limit.limit,
                )
                % {"count": limit.limit}
            )
        _attempts(user, lesson.translation_key, activity).filter(finished_at__isnull=True).update(
            finished_at=timezone.now()
        )
        return _create_attempt(user, lesson.translation_key, activity, package)


# --- Items and what a SCO starts with -----------------------------------------------


def scorm_items(package) -> list[dict]:
    """The launchable items of a SCORM package, in the order learners meet them."""
    return launchable_items(package.manifest)


def find_item(package, identifier: str | None) -> dict:
    """The item ``identifier`` names (the first one when None); CommitError if the package has none such."""
    items = scorm_items(package)
    if not items:
        raise CommitError(_("This package has nothing to launch."))
    if identifier is None:
        return items[0]
    for item in items:
        if item["identifier"] == identifier:
            return item
    raise CommitError(_("This package has no item %(item)s.") % {"item": identifier[:100]})


def _learner_name(user, standard: str) -> str:
    if standard == scorm_cmi.SCORM_12 and user.last_name and user.first_name:
        return f"{user.last_name}, {user.first_name}"  # SCORM 1.2: "Last, First"
    return user.get_full_name() or user.get_username()


def start_data(attempt: ScormAttempt, item: dict, user, learner_id: str, states: dict | None = None) -> dict:
    """The CMI a session of ``item`` starts with in ``attempt`` (for scorm-again's loadFromJSON).

    ``states``: the attempt's item states by identifier, when the caller has them already.
    """
    standard = attempt.package.manifest.get("standard", scorm_cmi.SCORM_12)
    if states is None:
        state = attempt.items.filter(item_identifier=item["identifier"]).first()
    else:
        state = states.get(item["identifier"])
    stored = (state.cmi.get("cmi") or {}) if state else {}
    start = scorm_cmi.initial_cmi(
        standard,
        learner_id=learner_id,
        learner_name=_learner_name(user, standard),
        stored=stored,
        entry="resume" if state and state.commit_count else "ab-initio",
        total_seconds=state.total_time_seconds if state else 0,
        mastery_score=item.get("mastery_score"),
        launch_data=item.get("data_from_lms") or "",
    )
    return start if standard == scorm_cmi.SCORM_12 else scorm_lms_rules.manifest_cmi(start, item, stored)


# --- Commits -----------------------------------------------------------------------


@dataclass(frozen=True)
class Committed:
    state: ScormItemState
    result: AttemptResult
    #: How many statements this commit recorded (0 when nothing changed).
    recorded: int


def commit(
    attempt: ScormAttempt,
    lesson: LessonPage,
    item_identifier: str | None,
    session: str,
    cmi: dict,
    *,
    final: bool = False,
    locked: LessonProgress | None = None,
) -> Committed:
    """Store one SCO's committed CMI in ``attempt`` and record what changed. Raises CommitError.

    ``final``: the commit that ends the SCO's session, where the LMS sets what the SCO left
    unset (``lms.scorm_lms_rules``). ``locked``: the learner's progress in the lesson when the
    caller has locked it in its transaction already (``scorm_attempt_token.open_attempt_token_for_commit``).
    """
    if not SESSION_PATTERN.match(session or ""):
        raise CommitError(_("The commit names no valid session."))
    item = find_item(attempt.package, item_identifier)
    standard = attempt.package.manifest.get("standard", scorm_cmi.SCORM_12)
    cmi = scorm_lms_rules.settle(standard, cmi, item, final=final)
    facts = scorm_cmi.read_facts(standard, cmi)
    items = scorm_items(attempt.package)
    # Known when the lesson came from lms.scorm_attempt_token; looked up for the player's asset launches.
    course_key = getattr(lesson, "course_key", None) or course_of(lesson).translation_key
    # Within a caller's transaction (the commit view's) no savepoint: an error rolls it all back.
    with transaction.atomic(savepoint=False):
        # This learner's progress in the lesson, locked: commits of the attempt (and statements
        # about the lesson) go one at a time, each from what the one before it stored.
        locked = locked or lock_progress(attempt.user_id, lesson.translation_key, course_key)
        states = item_states(attempt)
        before = attempt_result(items, states)
        state = states.get(item["identifier"]) or ScormItemState(
            attempt=attempt, item_identifier=item["identifier"]
        )
        sessions = dict(state.cmi.get("sessions") or {})
        counted = float(sessions.pop(session, 0))
        added = max(0.0, facts.session_seconds - counted)
        sessions[session] = counted + added
        # What moved in this SCO: worth a PROGRESSED statement even when the attempt's result did not.
        moved = (facts.location, facts.completion, facts.success) != (
            state.location,
            state.completion_status or UNKNOWN,
            state.success_status or UNKNOWN,
        )
        state.cmi = {"cmi": cmi, "sessions": dict(list(sessions.items())[-KEPT_SESSIONS:])}
        state.completion_status = facts.completion
        state.success_status = facts.success
        state.score_scaled = facts.score_scaled
        state.location = facts.location
        state.suspend_data = facts.suspend_data
        state.total_time_seconds += added
        state.commit_count += 1
        state.last_commit_at = timezone.now()
        _SAVE_ITEM_STATE.save(state)
        states[state.item_identifier] = state
        after = attempt_result(items, states)
        statements = result_statements(attempt, lesson, before, after, facts, single=len(items) == 1)
        if added > 0 or moved:
            extensions = {POSITION_EXTENSION: facts.location} if facts.location else {}
            # The commit's number: a learner going back to an earlier page moves the position again.
            change = f"{item['identifier']}:{state.commit_count}:progressed"
            result = Result(duration_seconds=added or None, extensions=extensions)
            statements.insert(
                0,
                lesson_statement(
                    attempt.user_id,
                    lesson,
                    Verb.PROGRESSED,
                    activity=attempt.activity,
                    result=result,
                    id=statement_id(attempt, change),
                ),
            )
        recorded = record_all(statements, lesson, course_key=course_key, locked=locked, savepoint=False)
    return Committed(state=state, result=after, recorded=sum(entry.new for entry in recorded))
