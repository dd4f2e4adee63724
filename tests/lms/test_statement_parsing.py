"""A statement from a browser is checked before anything is recorded: each fault has its message."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from lms.statements import StatementError, activity_iri, format_duration, from_xapi, parse_duration

KEY = uuid.uuid4()


def good(**changes):
    data = {
        "id": str(uuid.uuid4()),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/progressed"},
        "object": {"id": activity_iri(KEY, "tracked_video:abc")},
        "result": {"duration": "PT1M30S", "score": {"raw": 3, "min": 0, "max": 4}},
    }
    data.update(changes)
    return data


def test_a_good_statement_is_read():
    statement = from_xapi(good(), user_id=7, language="sv")
    assert (statement.user_id, statement.lesson_key, statement.activity) == (7, KEY, "tracked_video:abc")
    assert statement.result.duration_seconds == 90
    assert statement.result.score_scaled == 0.75


def test_the_actor_is_never_taken_from_the_body():
    statement = from_xapi(good(actor={"mbox": "mailto:someone@else.org"}), user_id=7)
    assert statement.user_id == 7


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "not-a-uuid"}, "UUID"),
        ({"verb": "experienced"}, "verb"),
        ({"object": {"id": "https://elsewhere.example/x"}}, "lesson of this site"),
        ({"object": {"id": activity_iri("nope")}}, "does not name a lesson"),
        ({"object": {"id": activity_iri(KEY, "../../admin")}}, "no known part"),
        ({"result": {"score": {"scaled": 1.5}}}, "between -1 and 1"),
        ({"result": {"score": {"raw": 9, "min": 0, "max": 4}}}, "outside"),
        ({"result": {"score": {"min": 5, "max": 1}}}, "above the highest"),
        ({"result": {"score": {"raw": "many"}}}, "must be a number"),
        ({"result": {"score": {"raw": float("nan")}}}, "must be a number"),
        ({"result": {"success": "yes"}}, "true or false"),
        ({"result": {"duration": "90 seconds"}}, "ISO 8601"),
        (
            {"result": {"extensions": {"https://w3id.org/xapi/video/extensions/progress": 3}}},
            "between 0 and 1",
        ),
        ({"timestamp": "yesterday"}, "ISO 8601"),
        ({"timestamp": (timezone.now() + timedelta(days=1)).isoformat()}, "future"),
    ],
)
def test_a_bad_statement_is_refused_with_a_message(changes, message):
    with pytest.raises(StatementError, match=message):
        from_xapi(good(**changes), user_id=7)


def test_a_body_that_is_not_an_object_is_refused():
    with pytest.raises(StatementError):
        from_xapi(["a list"], user_id=7)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("PT0S", 0), ("PT1H2M3.5S", 3723.5), ("P1D", 86400), ("PT90S", 90), ("P1W", 604800), ("P1M", 2629800)],
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "P", "PT", "1H", "PT-5S", "P1DT"])
def test_bad_durations(text):
    with pytest.raises(StatementError):
        parse_duration(text)
