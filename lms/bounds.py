"""One rule for what comes from outside: JSON that can be read and stored, numbers and times in bounds.

Browsers, SCO packages and H5P send JSON and values we store in PostgreSQL and
SQLite alike. What neither database can store (NUL, lone surrogates), what Python
reads but JSON has no word for (``1e999``, ``NaN``), what its parser cannot descend
(thousands of nested ``[``) and numbers beyond any real lesson (a session of
9,999 hours) are refused here, with a message that names the field, before anything
is written. The statements API, SCORM commits and H5P's saved state use these.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

from django.utils.translation import gettext as _

#: How deep a JSON body may nest; xAPI statements and SCORM's CMI need fewer than ten levels.
MAX_JSON_DEPTH = 32
#: The longest time one statement or one SCORM session may credit: a day.
MAX_DURATION_SECONDS = 24 * 3600
#: The largest score (raw, min or max) any real exercise gives.
MAX_SCORE = 1e9
#: The earliest moment a learning event may carry (a device clock reset to 1970 is earlier still).
EARLIEST_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)


class InputError(ValueError):
    """Outside input that cannot be read or stored; the message names the field."""


class NotJson(InputError):
    """The body is not JSON at all (as opposed to JSON we refuse to store)."""


def _refuse_constant(name: str):
    raise InputError(_("%(value)s is not a number JSON knows.") % {"value": name})


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise InputError(_("The number %(value)s is too large.") % {"value": text[:20]})
    return number


def _bounded_int(text: str) -> int | float:
    # Python reads a 5,000-digit integer happily; no field of ours needs one.
    if len(text.lstrip("-")) > 18:
        raise InputError(_("The number %(value)s is too large.") % {"value": text[:20]})
    return int(text)


def text_problem(text: str, field: str) -> str | None:
    """Why ``text`` cannot be stored (a NUL or a lone surrogate), naming ``field``; None when it can."""
    if "\x00" in text:
        return _("%(field)s contains a NUL character.") % {"field": field}
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _("%(field)s contains an unpaired surrogate, which is not text.") % {"field": field}
    return None


def check_text(text: str, field: str) -> str:
    """``text`` when it can be stored; raises ``InputError`` otherwise."""
    problem = text_problem(text, field)
    if problem:
        raise InputError(problem)
    return text


def _path(path: tuple, key) -> tuple:
    return (*path, str(key)[:40])


def check_json_value(data, root: str = "body") -> None:
    """Refuse NUL and lone surrogates in any key or string, and nesting deeper than ``MAX_JSON_DEPTH``.

    Walks without recursion, so a deep value cannot exhaust the stack here.
    """
    pending: list[tuple[object, tuple]] = [(data, (root,))]
    while pending:
        value, path = pending.pop()
        if len(path) > MAX_JSON_DEPTH + 1:
            raise InputError(
                _("%(what)s: the JSON nests deeper than %(depth)s levels.")
                % {"what": root, "depth": MAX_JSON_DEPTH}
            )
        if isinstance(value, str):
            check_text(value, ".".join(path))
        elif isinstance(value, dict):
            for key, item in value.items():
                check_text(str(key), ".".join(_path(path, "<key>")))
                pending.append((item, _path(path, key)))
        elif isinstance(value, list):
            pending.extend((item, _path(path, index)) for index, item in enumerate(value))


def load_json(body: bytes | str, what: str = "body"):
    """Parse outside JSON by the rule above; ``InputError`` says what is wrong, naming ``what``."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        data = json.loads(
            text, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_bounded_int
        )
    except InputError:
        raise
    except RecursionError:
        raise InputError(
            _("%(what)s: the JSON nests deeper than %(depth)s levels.")
            % {"what": what, "depth": MAX_JSON_DEPTH}
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotJson(_("%(what)s is not valid JSON: %(error)s") % {"what": what, "error": error}) from None
    check_json_value(data, what)
    return data


def check_number(value: float, field: str, low: float, high: float) -> float:
    """``value`` when it is finite and within ``low`` and ``high``; raises ``InputError`` naming ``field``."""
    if not math.isfinite(value) or not low <= value <= high:
        raise InputError(
            _("%(field)s must be a number from %(low)s to %(high)s.")
            % {"field": field, "low": low, "high": high}
        )
    return value


def check_score(value: float | None, field: str) -> float | None:
    return None if value is None else check_number(value, field, -MAX_SCORE, MAX_SCORE)


def check_duration(seconds: float, field: str) -> float:
    """A time credited by one statement or one SCORM session: finite, not negative, at most a day."""
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_DURATION_SECONDS:
        raise InputError(
            _("%(field)s must be at most %(hours)s hours.")
            % {"field": field, "hours": MAX_DURATION_SECONDS // 3600}
        )
    return seconds


def check_moment(moment: datetime, field: str) -> datetime:
    """A learning event's time: not before ``EARLIEST_MOMENT`` (the future is the caller's rule)."""
    if moment < EARLIEST_MOMENT:
        raise InputError(_("%(field)s lies before the year 2000.") % {"field": field})
    return moment
