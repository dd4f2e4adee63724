"""SCORM run-time data (the CMI) as scorm-again 3.4.3 sends and loads it.

Reads a commit's body, the facts progress needs from it (status, score, location,
time) for SCORM 1.2 and 2004, and builds the data a SCO starts a session with.
Pure functions: ``lms.scorm_runtime`` stores and records what these read.

scorm-again posts ``{"cmi": {...}}`` (its ``dataCommitFormat`` "json"); it can be told
to post the flattened form (``{"cmi.core.lesson_status": ...}``) or a commit object
(``{"runtimeData": {"cmi": ...}, ...}``, ``renderCommonCommitFields``), so all three are read.
The final commit on LMSFinish/Terminate comes by ``navigator.sendBeacon`` as text/plain.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms import bounds
from lms.statements import StatementError, parse_duration

SCORM_12 = "1.2"
SCORM_2004 = "2004"

COMPLETED = "completed"
INCOMPLETE = "incomplete"
NOT_ATTEMPTED = "not attempted"
UNKNOWN = "unknown"
PASSED = "passed"
FAILED = "failed"

#: SCORM 1.2 cmi.core.lesson_status → (completion, success). A failed SCO has been finished,
#: so it counts as completed, as in SCORM 2004 where completion and success are apart.
LESSON_STATUS_12 = {
    "passed": (COMPLETED, PASSED),
    "failed": (COMPLETED, FAILED),
    "completed": (COMPLETED, UNKNOWN),
    "incomplete": (INCOMPLETE, UNKNOWN),
    "browsed": (INCOMPLETE, UNKNOWN),
    "not attempted": (NOT_ATTEMPTED, UNKNOWN),
}
COMPLETION_2004 = {COMPLETED, INCOMPLETE, NOT_ATTEMPTED, UNKNOWN}
SUCCESS_2004 = {PASSED, FAILED, UNKNOWN}

#: The longest cmi.location (2004; 1.2 allows 255) and cmi.suspend_data (2004 4th edition).
MAX_LOCATION = 1000
MAX_SUSPEND_DATA = 64000

TIMESPAN_12 = re.compile(r"^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$")


class CommitError(ValueError):
    """A commit that cannot be stored; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _unflatten(flat: dict) -> dict:
    nested: dict = {}
    for key, value in flat.items():
        parts = str(key).split(".")
        target = nested
        for part in parts[:-1]:
            child = target.setdefault(part, {})
            if not isinstance(child, dict):
                raise CommitError(_("The SCORM data names %(key)s twice.") % {"key": str(key)[:100]})
            target = child
        target[parts[-1]] = value
    return nested


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise CommitError(
            _("The SCORM data is too large: %(size)s bytes, at most %(limit)s.")
            % {"size": size, "limit": limit},
            status=413,
        )


def load_body(body: bytes, limit: int, name: str, not_json: str):
    """A player's JSON body within ``limit`` bytes, or CommitError with ``not_json`` or the rule broken.

    The one rule for outside JSON (``lms.bounds``): no NUL or lone surrogate (no database
    stores them), no 1e999 or NaN, no nesting past a few dozen levels.
    """
    check_size(len(body), limit)
    try:
        return bounds.load_json(body, name)
    except bounds.NotJson:
        raise CommitError(not_json) from None
    except bounds.InputError as error:
        raise CommitError(str(error)) from None


def read_commit_body(body: bytes, limit: int) -> dict:
    """The ``cmi`` object of a commit body (JSON, in any of scorm-again's shapes)."""
    data = load_body(body, limit, "SCORM data", _("The SCORM data must be JSON."))
    if not isinstance(data, dict):
        raise CommitError(_("The SCORM data must be a JSON object."))
    if isinstance(data.get("runtimeData"), dict):
        data = data["runtimeData"]
    if "cmi" not in data and any(str(key).startswith("cmi.") for key in data):
        data = _unflatten({key: value for key, value in data.items() if str(key).startswith("cmi.")})
    cmi = data.get("cmi")
    if not isinstance(cmi, dict):
        raise CommitError(_("The SCORM data has no “cmi” object."))
    return cmi


def parse_timespan_12(value: str) -> float:
    """Seconds in a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS."""
    match = TIMESPAN_12.match(value)
    if not match:
        raise CommitError(_("The session time must be a SCORM 1.2 time such as 0000:01:30.00."))
    hours, minutes, seconds, fraction = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + float(fraction or 0)


def parse_duration_2004(value: str) -> float:
    """Seconds in a SCORM 2004 time interval (ISO 8601), such as PT1H2M3.5S."""
    try:
        return parse_duration(value)
    except StatementError:
        raise CommitError(_("The session time must be a SCORM 2004 time interval such as PT1M30S.")) from None


def _centiseconds(seconds: float) -> int:
    return max(0, round(seconds * 100))


def format_timespan_12(seconds: float) -> str:
    """HHHH:MM:SS.SS, capped at 9999 hours as CMITimespan allows."""
    hundredths = min(_centiseconds(seconds), (9999 * 3600 + 59 * 60 + 59) * 100 + 99)
    hours, rest = divmod(hundredths, 360000)
    minutes, rest = divmod(rest, 6000)
    return f"{hours:04d}:{minutes:02d}:{rest // 100:02d}.{rest % 100:02d}"


def format_duration_2004(seconds: float) -> str:
    hundredths = _centiseconds(seconds)
    hours, rest = divmod(hundredths, 360000)
    minutes, rest = divmod(rest, 6000)
    return f"PT{hours}H{minutes}M{rest // 100}.{rest % 100:02d}S"


def _text(value) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value)


def _number(value) -> float | None:
    """A CMIDecimal (scorm-again keeps them as strings); None when blank or not a number."""
    if value is None or isinstance(value, bool | dict | list) or value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class ScoFacts:
    """What progress needs from one SCO's CMI, in SCORM 2004's terms for both versions."""

    completion: str = UNKNOWN
    success: str = UNKNOWN
    score_scaled: float | None = None
    score_raw: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    location: str = ""
    suspend_data: str = ""
    exit: str = ""
    session_seconds: float = 0


def _scaled(raw: float | None, low: float | None, high: float | None) -> float | None:
    """raw/max when the SCO gives no scaled score; a 1.2 raw score is 0-100 unless min/max say otherwise."""
    if raw is None:
        return None
    low = 0 if low is None else low
    high = 100 if high is None else high
    if high <= low:
        return None
    return min(1.0, max(0.0, (raw - low) / (high - low)))


def _checked_text(value, limit: int, name: str) -> str:
    text = _text(value)
    if len(text) > limit:
        raise CommitError(_("%(name)s is longer than %(limit)s characters.") % {"name": name, "limit": limit})
    return text


def _session_seconds(seconds: float, name: str) -> float:
    try:
        return bounds.check_duration(seconds, name)
    except bounds.InputError as error:
        raise CommitError(str(error)) from None


def read_facts(standard: str, cmi: dict) -> ScoFacts:
    """The facts in one SCO's committed CMI; a CommitError names what cannot be read."""
    if standard == SCORM_12:
        core = cmi.get("core") if isinstance(cmi.get("core"), dict) else {}
        score = core.get("score") if isinstance(core.get("score"), dict) else {}
        completion, success = LESSON_STATUS_12.get(_text(core.get("lesson_status")), (UNKNOWN, UNKNOWN))
        raw, low, high = _number(score.get("raw")), _number(score.get("min")), _number(score.get("max"))
        scaled = _scaled(raw, low, high)
        location = _checked_text(core.get("lesson_location"), MAX_LOCATION, "cmi.core.lesson_location")
        exit_value = _text(core.get("exit"))
        session = _text(core.get("session_time"))
        seconds = _session_seconds(parse_timespan_12(session) if session else 0, "cmi.core.session_time")
    else:
        score = cmi.get("score") if isinstance(cmi.get("score"), dict) else {}
        completion = _text(cmi.get("completion_status")) or UNKNOWN
        success = _text(cmi.get("success_status")) or UNKNOWN
        if completion not in COMPLETION_2004 or success not in SUCCESS_2004:
            raise CommitError(
                _("cmi.completion_status or cmi.success_status has a value SCORM 2004 does not know.")
            )
        raw, low, high = _number(score.get("raw")), _number(score.get("min")), _number(score.get("max"))
        scaled = _number(score.get("scaled"))
        if scaled is not None and not -1 <= scaled <= 1:
            raise CommitError(_("cmi.score.scaled must be between -1 and 1."))
        if scaled is None and raw is not None and high is not None:
            scaled = _scaled(raw, low, high)
        location = _checked_text(cmi.get("location"), MAX_LOCATION, "cmi.location")
        exit_value = _text(cmi.get("exit"))
        session = _text(cmi.get("session_time"))
        seconds = _session_seconds(parse_duration_2004(session) if session else 0, "cmi.session_time")
    return ScoFacts(
        completion=completion,
        success=success,
        score_scaled=scaled,
        score_raw=raw,
        score_min=low,
        score_max=high,
        location=location,
        suspend_data=_checked_text(cmi.get("suspend_data"), MAX_SUSPEND_DATA, "cmi.suspend_data"),
        exit=exit_value,
        session_seconds=seconds,
    )


def _decimal(number: float | None) -> str:
    return "" if number is None else f"{number:g}"


def initial_cmi(
    standard: str,
    *,
    learner_id: str,
    learner_name: str,
    stored: dict,
    entry: str,
    total_seconds: float,
    mastery_score: float | None = None,
    launch_data: str = "",
    mode: str = "normal",
    credit: str = "credit",
) -> dict:
    """The data a SCO session starts with, for scorm-again's ``loadFromJSON`` (nested, ``{"cmi": ...}``).

    ``stored`` is the CMI last committed in this attempt ({} for a new one). Only what a SCO
    reads back goes in: learner, entry, status, score, location, suspend data, total time,
    mastery/passing score and launch data; scorm-again skips blank values.
    """
    if standard == SCORM_12:
        core = stored.get("core") if isinstance(stored.get("core"), dict) else {}
        score = core.get("score") if isinstance(core.get("score"), dict) else {}
        status = _text(core.get("lesson_status"))
        cmi = {
            "core": {
                "student_id": learner_id,
                "student_name": learner_name,
                "lesson_location": _text(core.get("lesson_location")),
                "credit": credit,
                "lesson_status": status if status in LESSON_STATUS_12 else NOT_ATTEMPTED,
                "entry": entry,
                "total_time": format_timespan_12(total_seconds),
                "lesson_mode": mode,
                "score": {key: _decimal(_number(score.get(key))) for key in ("raw", "min", "max")},
            },
            "suspend_data": _text(stored.get("suspend_data")),
            "launch_data": launch_data,
            "student_data": {"mastery_score": _decimal(mastery_score)},
        }
        return {"cmi": cmi}
    score = stored.get("score") if isinstance(stored.get("score"), dict) else {}
    completion = _text(stored.get("completion_status"))
    success = _text(stored.get("success_status"))
    passing = None
    if mastery_score is not None:
        # The manifest may give the passing score as a percentage (1.2 habit) or scaled (imsss).
        passing = mastery_score / 100 if mastery_score > 1 else mastery_score
    cmi = {
        "learner_id": learner_id,
        "learner_name": learner_name,
        "location": _text(stored.get("location")),
        "credit": credit,
        "completion_status": completion if completion in COMPLETION_2004 else UNKNOWN,
        "success_status": success if success in SUCCESS_2004 else UNKNOWN,
        "entry": entry,
        "total_time": format_duration_2004(total_seconds),
        "mode": mode,
        "score": {key: _decimal(_number(score.get(key))) for key in ("scaled", "raw", "min", "max")},
        "suspend_data": _text(stored.get("suspend_data")),
        "launch_data": launch_data,
        "scaled_passing_score": _decimal(passing),
    }
    return {"cmi": cmi}
