"""The calendar of a practice placement: twelve weeks, and when its three conversations fall.

Pure date arithmetic, no database: the rules in ``placements.rules`` and the forms use it.
"""

from __future__ import annotations

from datetime import date, timedelta

#: A practice period at the network's schools is twelve weeks.
PLACEMENT_WEEKS = 12
#: The week of the placement in which each conversation is planned by default: start, midway, final.
CONVERSATION_WEEKS = {1: 2, 2: 6, 3: 11}
#: No placement on Nordpeer starts before this day (catches a mistyped year such as 0225).
EARLIEST_START = date(2000, 1, 1)
#: How far ahead a placement may be planned.
LONGEST_PLANNING_AHEAD = timedelta(days=2 * 365)
#: Bounds for a placement whose length was explicitly allowed to differ from twelve weeks.
SHORTEST_OTHER_LENGTH = timedelta(weeks=1)
LONGEST_OTHER_LENGTH = timedelta(weeks=52)
#: A conversation may be held a little before the first day (getting started) or after the
#: last day (the final assessment), but not outside these margins.
CONVERSATION_MARGIN_BEFORE = timedelta(weeks=2)
CONVERSATION_MARGIN_AFTER = timedelta(weeks=4)


def default_end(start: date) -> date:
    """Twelve weeks on from the first day, as people write it ("6 January to 31 March")."""
    return start + timedelta(weeks=PLACEMENT_WEEKS)


def twelve_week_ends(start: date) -> tuple[date, date]:
    """The earliest and latest last day of a twelve-week placement starting on ``start``.

    The last day falls in the twelfth week, or on the same weekday twelve weeks on.
    """
    return start + timedelta(weeks=PLACEMENT_WEEKS - 1), start + timedelta(weeks=PLACEMENT_WEEKS)


def is_twelve_weeks(start: date, end: date) -> bool:
    earliest, latest = twelve_week_ends(start)
    return earliest <= end <= latest


def default_conversation_date(start: date, end: date, number: int) -> date:
    """Week 2, 6 and 11 of a twelve-week placement; the same share of the way through any other."""
    offset = timedelta(weeks=CONVERSATION_WEEKS[number] - 1)
    if is_twelve_weeks(start, end):
        return start + offset
    share = offset / timedelta(weeks=PLACEMENT_WEEKS)
    return start + timedelta(days=round((end - start).days * share))


def conversation_window(start: date, end: date) -> tuple[date, date]:
    """The days on which a placement's conversations may be planned or held."""
    return start - CONVERSATION_MARGIN_BEFORE, end + CONVERSATION_MARGIN_AFTER
