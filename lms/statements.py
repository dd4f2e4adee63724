"""The shape of a learning event: an xAPI-like statement, its IRIs, and how it is read and written.

A statement's actor is always the signed-in learner (never taken from the body);
its object is a lesson (by translation_key) or a part of one.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from lms import bounds

ADL = "http://adlnet.gov/expapi/verbs/"


class Verb:
    EXPERIENCED = ADL + "experienced"
    PROGRESSED = ADL + "progressed"
    COMPLETED = ADL + "completed"
    PASSED = ADL + "passed"
    FAILED = ADL + "failed"
    ANSWERED = ADL + "answered"
    ATTEMPTED = ADL + "attempted"
    INTERACTED = ADL + "interacted"
    SCORED = ADL + "scored"
    TERMINATED = ADL + "terminated"


#: The share of a video watched, 0 to 1 (the xAPI video profile's extension).
PROGRESS_EXTENSION = "https://w3id.org/xapi/video/extensions/progress"
#: Where to resume inside an activity (a video time, a SCORM location, ...).
POSITION_EXTENSION = "https://nordpeer.eu/xapi/extensions/position"
#: How far in the future a device clock may be before its timestamp is refused.
CLOCK_SKEW = timedelta(minutes=5)
ACTIVITY_PATTERN = re.compile(r"^(lesson|[a-z_]+:[A-Za-z0-9._-]{1,100})$")
#: An ISO 8601 duration (xAPI's result.duration, SCORM 2004's time intervals): PnYnMnWnDTnHnMnS.
DURATION_PATTERN = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<MO>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MI>\d+(?:\.\d+)?)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?$"
)
#: Seconds per unit; months and years as calendar averages, as ADL's samples count them.
DURATION_UNITS = {
    "Y": 365.25 * 86400,
    "MO": 30.4375 * 86400,
    "W": 7 * 86400,
    "D": 86400,
    "H": 3600,
    "MI": 60,
    "S": 1,
}


class StatementError(ValueError):
    """A statement that cannot be recorded; the message says what is wrong with it."""


@dataclass(frozen=True)
class Result:
    score_scaled: float | None = None
    score_raw: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    success: bool | None = None
    completion: bool | None = None
    duration_seconds: float | None = None
    extensions: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Statement:
    """One learning event on its way into the record, already checked."""

    id: uuid.UUID
    user_id: int
    verb: str
    lesson_key: uuid.UUID
    activity: str = "lesson"
    result: Result = field(default_factory=Result)
    timestamp: datetime = field(default_factory=timezone.now)
    language: str = ""
    authority_id: int | None = None

    @property
    def position(self) -> str | None:
        value = self.result.extensions.get(POSITION_EXTENSION)
        return None if value is None else str(value)[:255]

    @property
    def watched_share(self) -> float | None:
        value = self.result.extensions.get(PROGRESS_EXTENSION)
        return None if value is None else float(value)


def lesson_statement(user_id: int, lesson, verb: str, **fields) -> Statement:
    """A statement the server makes about ``lesson`` (a LessonPage) now, in the lesson's language."""
    fields.setdefault("id", uuid.uuid4())
    fields.setdefault("timestamp", timezone.now())
    return Statement(
        user_id=user_id,
        verb=verb,
        lesson_key=lesson.translation_key,
        language=lesson.locale.language_code,
        **fields,
    )


def activity_iri(lesson_key: uuid.UUID | str, activity: str = "lesson") -> str:
    base = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/xapi/lessons/{lesson_key}"
    return base if activity == "lesson" else f"{base}/{activity}"


def parse_activity_iri(iri: str) -> tuple[uuid.UUID, str]:
    """``(lesson_key, activity)`` from an object id made by ``activity_iri``."""
    prefix = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/xapi/lessons/"
    if not isinstance(iri, str) or not iri.startswith(prefix):
        raise StatementError(
            _("The object id must be a lesson of this site, starting with %(prefix)s.") % {"prefix": prefix}
        )
    key, _slash, activity = iri[len(prefix) :].partition("/")
    try:
        lesson_key = uuid.UUID(key)
    except ValueError:
        raise StatementError(
            _("The object id does not name a lesson: %(key)s.") % {"key": key[:50]}
        ) from None
    activity = activity or "lesson"
    if not ACTIVITY_PATTERN.match(activity):
        raise StatementError(
            _("The object id names no known part of a lesson: %(part)s.") % {"part": activity[:50]}
        )
    return lesson_key, activity


def parse_duration(value: str) -> float:
    """Seconds in an ISO 8601 duration such as ``PT1M30.5S``."""
    match = DURATION_PATTERN.match(value or "")
    if not match or value in ("P", "PT") or value.endswith("T"):
        raise StatementError(_("The duration must be an ISO 8601 duration such as PT1M30S."))
    return sum(float(number) * DURATION_UNITS[unit] for unit, number in match.groupdict().items() if number)


def format_duration(seconds: float) -> str:
    # Fixed-point: "%g" would write a long total (over 11 days) as 2.6298e+06, which no parser reads.
    return f"PT{f'{seconds:.2f}'.rstrip('0').rstrip('.')}S"


def _number(value, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StatementError(_("%(name)s must be a number.") % {"name": name})
    return bounds.check_score(float(value), name)


def _flag(value, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise StatementError(_("%(name)s must be true or false.") % {"name": name})


def parse_result(data) -> Result:
    if data is None:
        return Result()
    if not isinstance(data, dict):
        raise StatementError(_("The result must be an object."))
    score = data.get("score") or {}
    if not isinstance(score, dict):
        raise StatementError(_("The score must be an object."))
    scaled = _number(score.get("scaled"), "result.score.scaled")
    raw = _number(score.get("raw"), "result.score.raw")
    low = _number(score.get("min"), "result.score.min")
    high = _number(score.get("max"), "result.score.max")
    if scaled is not None and not -1 <= scaled <= 1:
        raise StatementError(_("The scaled score must be between -1 and 1."))
    if low is not None and high is not None and low > high:
        raise StatementError(_("The lowest possible score is above the highest."))
    if raw is not None and ((low is not None and raw < low) or (high is not None and raw > high)):
        raise StatementError(_("The raw score lies outside its minimum and maximum."))
    if scaled is None and raw is not None and high:
        # xAPI leaves scaled optional; progress compares scaled scores, so derive it where it is clear.
        scaled = (raw - (low or 0)) / (high - (low or 0)) if high != (low or 0) else None
    duration = data.get("duration")
    extensions = data.get("extensions") or {}
    if not isinstance(extensions, dict):
        raise StatementError(_("The result's extensions must be an object."))
    bounds.check_json_value(extensions, "result.extensions")
    share = extensions.get(PROGRESS_EXTENSION)
    if share is not None and not (_number(share, "progress") is not None and 0 <= share <= 1):
        raise StatementError(_("The watched share must be between 0 and 1."))
    return Result(
        score_scaled=scaled,
        score_raw=raw,
        score_min=low,
        score_max=high,
        success=_flag(data.get("success"), "result.success"),
        completion=_flag(data.get("completion"), "result.completion"),
        duration_seconds=(
            None if duration is None else bounds.check_duration(parse_duration(duration), "result.duration")
        ),
        extensions=extensions,
    )


def parse_timestamp(value) -> datetime:
    if value is None:
        return timezone.now()
    try:
        # Well-formed but impossible dates (year 0, 31 February) raise ValueError.
        moment = parse_datetime(value) if isinstance(value, str) else None
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, timezone.utc)
        if moment is not None:
            bounds.check_moment(moment, "timestamp")
    except (ValueError, OverflowError) as error:
        if isinstance(error, bounds.InputError):
            raise StatementError(str(error)) from None
        moment = None
    if moment is None:
        raise StatementError(_("The timestamp must be an ISO 8601 date and time."))
    if moment > timezone.now() + CLOCK_SKEW:
        raise StatementError(_("The timestamp lies in the future."))
    return moment


def from_xapi(data, user_id: int, language: str = "") -> Statement:
    """Check an xAPI statement posted by a learner's browser and turn it into a ``Statement``."""
    if not isinstance(data, dict):
        raise StatementError(_("A statement must be a JSON object."))
    try:
        return _from_xapi(data, user_id, language)
    except bounds.InputError as error:
        raise StatementError(str(error)) from None


def _from_xapi(data: dict, user_id: int, language: str) -> Statement:
    bounds.check_json_value(data, "statement")
    try:
        statement_id = uuid.UUID(str(data["id"])) if data.get("id") is not None else uuid.uuid4()
    except ValueError:
        raise StatementError(_("The statement id must be a UUID.")) from None
    verb = data.get("verb")
    if not isinstance(verb, dict) or not isinstance(verb.get("id"), str) or not verb["id"].startswith("http"):
        raise StatementError(_("The verb must be an object with an IRI id."))
    target = data.get("object")
    if not isinstance(target, dict):
        raise StatementError(_("The object must be an object with an id."))
    lesson_key, activity = parse_activity_iri(target.get("id"))
    return Statement(
        id=statement_id,
        user_id=user_id,
        verb=verb["id"][:255],
        lesson_key=lesson_key,
        activity=activity,
        result=parse_result(data.get("result")),
        timestamp=parse_timestamp(data.get("timestamp")),
        language=language,
    )
