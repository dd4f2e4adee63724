"""Hostile statements: every input issue 16 lists answers a clear 4xx and stores nothing.

Runs on SQLite and (``make test``) on PostgreSQL, which refuses NUL and lone surrogates
where SQLite would store them: the refusal must come from our rule, on both.
"""

from __future__ import annotations

import json
import uuid

import pytest

from lms.models import Enrolment, LearningStatement, LessonProgress
from lms.progress import StatementIdTaken, record
from lms.statements import Verb, lesson_statement
from tests.factories import make_user
from tests.factories_api import post_json, session_client, xapi
from tests.lms_factories import enrol

pytestmark = pytest.mark.postgres


@pytest.fixture
def client(learner):
    return session_client(learner)


def nothing_stored() -> bool:
    return not LearningStatement.objects.exists() and not LessonProgress.objects.exists()


def refused(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.content
    message = json.dumps(response.json(), ensure_ascii=False)
    for word in words:
        assert word in message, message


NINES = "9" * 400


@pytest.mark.parametrize(
    ("duration", "field"),
    [(f"PT{NINES}S", "result.duration"), ("P99999999999Y", "result.duration"), ("PT25H", "result.duration")],
)
def test_a_duration_beyond_a_day_is_refused_naming_the_field(client, course, duration, field):
    refused(post_json(client, xapi(course.lessons[0], result={"duration": duration})), 400, field)
    assert nothing_stored()


def test_a_day_long_duration_is_still_accepted(client, course):
    response = post_json(client, xapi(course.lessons[0], result={"duration": "PT24H"}))
    assert response.status_code == 200, response.content
    assert response.json()["progress"][0]["time_spent_seconds"] == 86400


def test_five_thousand_nested_brackets_are_refused(client):
    refused(post_json(client, "[" * 5000 + "]" * 5000), 400, "deeper")
    refused(post_json(client, "[" * 5000), 400)
    assert nothing_stored()


def test_forty_nested_objects_in_an_extension_are_refused(client, course):
    deep: dict = {}
    for _level in range(40):
        deep = {"x": deep}
    body = xapi(course.lessons[0], result={"extensions": {"https://example.org/deep": deep}})
    refused(post_json(client, body), 400, "deeper")
    assert nothing_stored()


@pytest.mark.parametrize(
    "timestamp", ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "1999-12-31T23:00:00Z"]
)
def test_a_timestamp_in_year_0_or_before_2000_is_refused(client, course, timestamp):
    refused(post_json(client, xapi(course.lessons[0], timestamp=timestamp)), 400, "timestamp")
    assert nothing_stored()


@pytest.mark.parametrize(
    "extensions",
    [{"https://example.org/k\u0000ey": 1}, {"https://example.org/key": "va\u0000lue"}],
    ids=["key", "value"],
)
def test_nul_in_a_result_extension_key_or_value_is_refused(client, course, extensions):
    body = xapi(course.lessons[0], result={"extensions": extensions})
    refused(post_json(client, body), 400, "NUL", "result")
    assert nothing_stored()


def test_a_lone_surrogate_is_refused(client, course):
    raw = json.dumps(
        xapi(course.lessons[0], result={"extensions": {"https://example.org/note": "SURROGATE"}})
    )
    refused(post_json(client, raw.replace("SURROGATE", "\\ud800")), 400, "surrogate")
    assert nothing_stored()


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity", "1" + "0" * 5000])
def test_numbers_json_cannot_carry_are_refused(client, course, number):
    raw = json.dumps(xapi(course.lessons[0], result={"score": {"raw": 12345}}))
    refused(post_json(client, raw.replace("12345", number)), 400)
    assert nothing_stored()


def test_a_score_beyond_any_exercise_is_refused_naming_the_field(client, course):
    body = xapi(course.lessons[0], result={"score": {"raw": 1e300, "max": 1e301}})
    refused(post_json(client, body), 400, "result.score.raw")
    assert nothing_stored()


def test_record_refuses_an_id_stored_for_someone_else_inside_its_transaction(course, learner):
    """The API checks ids first; ``record`` must not trust that: it checks again where it writes."""
    lesson = course.lessons[0]
    other = make_user("other")
    enrol(other, course.page)
    taken = uuid.uuid4()
    record(lesson_statement(other.pk, lesson, Verb.EXPERIENCED, id=taken))
    with pytest.raises(StatementIdTaken):
        record(lesson_statement(learner.pk, lesson, Verb.EXPERIENCED, id=taken))
    assert not LessonProgress.objects.filter(user=learner).exists()
    assert not LearningStatement.objects.filter(user=learner).exists()
    assert Enrolment.objects.get(user=learner).last_lesson_key is None
    # The owner sending it again is still "already recorded", counted once.
    assert record(lesson_statement(other.pk, lesson, Verb.EXPERIENCED, id=taken)).new is False


def test_the_api_answers_409_when_the_id_is_taken_between_its_check_and_the_write(
    client, course, learner, monkeypatch
):
    """The API's early check is bypassed (as if the other learner's commit came just after it)."""
    from lms import api_statement_checks

    lesson = course.lessons[0]
    other = make_user("other")
    enrol(other, course.page)
    taken = uuid.uuid4()
    record(lesson_statement(other.pk, lesson, Verb.EXPERIENCED, id=taken))
    monkeypatch.setattr(api_statement_checks, "LearningStatement", _NoneTaken)
    response = post_json(client, [xapi(lesson, Verb.PROGRESSED), xapi(lesson, statement_id=taken)])
    refused(response, 409, "taken")
    assert response.json()["errors"][0]["index"] == 1
    assert not LearningStatement.objects.filter(user=learner).exists()
    assert not LessonProgress.objects.filter(user=learner).exists()


class _NoneTaken:
    class objects:  # noqa: N801 - stands in for a manager
        @staticmethod
        def filter(**_lookups):
            return LearningStatement.objects.none()
