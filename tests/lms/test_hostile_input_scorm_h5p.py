"""Hostile SCORM commits and H5P saved states: a clear 4xx naming the field, nothing stored.

The same rule as the statements API (``lms.bounds``); PostgreSQL is where NUL, lone
surrogates and ``Infinity`` in JSON used to answer 500, so ``make test`` runs these there too.
"""

from __future__ import annotations

import json

import pytest

from lms.models import H5PUserState, LearningStatement, ScormItemState
from tests.content_factories import H5P_TEST, SessionClient, grant_token, ingest, interactive_lesson
from tests.scorm_factories import cmi12, cmi2004, commit_url, golf, open_attempt, scorm_lesson

pytestmark = pytest.mark.postgres


@pytest.fixture
def golf12(db):
    return golf("1.2")


@pytest.fixture
def attempt(learner, course, golf12):
    return open_attempt(learner, scorm_lesson(course.modules[0], golf12), golf12)


@pytest.fixture
def attempt2004(learner, course):
    package = golf("2004")
    return open_attempt(learner, scorm_lesson(course.modules[1], package), package)


def post_raw(attempt, body: str):
    return SessionClient().post(commit_url(attempt), data=body, content_type="text/plain")


def refused(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.content
    assert response.json()["result"] is False
    for word in words:
        assert word in response.json()["error"], response.json()["error"]


def nothing_stored(attempt) -> bool:
    return (
        not LearningStatement.objects.exists() and not ScormItemState.objects.filter(attempt=attempt).exists()
    )


def with_marker(cmi: dict, replacement: str) -> str:
    return json.dumps({"cmi": cmi}).replace('"MARKER"', replacement)


def test_a_raw_score_of_1e999_is_refused(attempt):
    cmi = cmi12(status="passed")
    cmi["core"]["score"]["raw"] = "MARKER"
    refused(post_raw(attempt, with_marker(cmi, "1e999")), 400, "too large")
    assert nothing_stored(attempt)


def test_a_lone_surrogate_in_lesson_location_is_refused(attempt):
    refused(
        post_raw(attempt, with_marker(cmi12(location="MARKER"), '"page\\ud800"')),
        400,
        "cmi.core.lesson_location",
        "surrogate",
    )
    assert nothing_stored(attempt)


@pytest.mark.parametrize("where", ["key", "value"])
def test_nul_in_the_cmi_is_refused(attempt, where):
    cmi = cmi12(status="passed")
    if where == "key":
        cmi["core"]["odd\u0000key"] = "1"
    else:
        cmi["suspend_data"] = "a\u0000b"
    refused(post_raw(attempt, json.dumps({"cmi": cmi})), 400, "NUL")
    assert nothing_stored(attempt)


def test_deeply_nested_commits_are_refused(attempt):
    refused(post_raw(attempt, '{"cmi": ' + "[" * 5000 + "]" * 5000 + "}"), 400)
    refused(post_raw(attempt, "[" * 5000), 400)
    assert nothing_stored(attempt)


def test_a_scorm_12_session_of_9999_hours_is_refused(attempt):
    response = post_raw(attempt, json.dumps({"cmi": cmi12(status="passed", session_time="9999:59:59.99")}))
    refused(response, 400, "cmi.core.session_time", "24")
    assert nothing_stored(attempt)


@pytest.mark.parametrize("session_time", ["PT99999H", "P99999999999Y", "PT" + "9" * 400 + "S"])
def test_a_scorm_2004_session_beyond_a_day_is_refused(attempt2004, session_time):
    body = json.dumps({"cmi": cmi2004(completion="completed", session_time=session_time)})
    refused(post_raw(attempt2004, body), 400, "cmi.session_time")
    assert nothing_stored(attempt2004)


def test_a_real_session_still_counts(attempt):
    response = post_raw(attempt, json.dumps({"cmi": cmi12(status="incomplete", session_time="0001:30:00")}))
    assert response.status_code == 200, response.content
    assert ScormItemState.objects.get(attempt=attempt).total_time_seconds == 5400


@pytest.fixture
def h5p_token(learner, course):
    package = ingest(H5P_TEST, title="Is this false?")
    return grant_token(learner, interactive_lesson(course.modules[0], package), package)


def test_nul_in_an_h5p_saved_state_is_refused(h5p_token):
    url = f"/content/s/{h5p_token}/h5p/user-data?type=state&sub=0"
    response = SessionClient().post(url, {"data": '{"answer": "a\u0000b"}', "preload": "1"})
    assert response.status_code == 400, response.content
    assert response.json()["success"] is False and "NUL" in response.json()["message"]
    assert not H5PUserState.objects.exists()
    assert SessionClient().post(url, {"data": '{"answer": true}', "preload": "1"}).status_code == 200
    assert H5PUserState.objects.get().data == '{"answer": true}'
