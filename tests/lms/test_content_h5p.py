"""The H5P player page and the learner's saved state (H5P's contentUserData), reached with a grant."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import override_settings

from lms.models import Enrolment, H5PUserState
from lms.statements import activity_iri
from tests.content_factories import (
    H5P_TEST,
    SessionClient,
    fake_package,
    grant_token,
    ingest,
    interactive_lesson,
)
from tests.factories import make_user
from tests.lms_factories import enrol

STATE = json.dumps({"answer": False})


@pytest.fixture
def package(db):
    return ingest(H5P_TEST, title="Is this false?")


@pytest.fixture
def lesson(course, package):
    return interactive_lesson(course.modules[0], package)


@pytest.fixture
def token(learner, lesson, package):
    return grant_token(learner, lesson, package)


def state_url(token: str, data_type: str = "state", sub: str = "0") -> str:
    return f"/content/s/{token}/h5p/user-data?type={data_type}&sub={sub}"


def save(token: str, data: str, **fields):
    return SessionClient().post(state_url(token, **fields), {"data": data, "preload": "1", "invalidate": "1"})


def options_of(response) -> dict:
    island = re.search(r'id="h5p-options" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(island.group(1))


def test_the_player_page_points_h5p_at_the_package_and_the_state_endpoint(token, lesson):
    response = SessionClient().get(f"/content/s/{token}/h5p/")
    assert response.status_code == 200
    options = options_of(response)
    assert options["h5pJsonPath"] == f"http://testserver/content/s/{token}/files"
    assert options["assetsRequestFetchOptions"] == {"credentials": "include"}
    assert options["frameJs"] == "http://testserver/static/vendor/h5p-standalone/frame.bundle.js"
    assert options["xAPIObjectIRI"] == activity_iri(
        lesson.translation_key, lesson.activity_ids("interactive")[0]
    )
    # h5p-standalone 3.8.2 crashes with a user but no state URL: always the three together.
    assert options["user"]["mail"] and options["saveFreq"] == settings.H5P_SAVE_SECONDS > 0
    assert options["ajax"]["contentUserDataUrl"].endswith(
        f"/content/s/{token}/h5p/user-data?type=:dataType&sub=:subContentId"
    )
    assert options["embedType"] == "div"
    assert "<title>Is this false?</title>" in response.content.decode()
    assert "Set-Cookie" not in response


def test_the_player_page_runs_only_our_scripts(token):
    response = SessionClient().get(f"/content/s/{token}/h5p/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "connect-src http://testserver/content/" in policy
    assert "sandbox allow-scripts" in policy


def test_a_saved_state_is_handed_to_h5p_when_it_starts(token):
    save(token, STATE)
    assert options_of(SessionClient().get(f"/content/s/{token}/h5p/"))["contentUserData"] == {
        "0": {"state": STATE}
    }


def test_the_player_refuses_a_scorm_package(learner, course):
    scorm = fake_package("Golf", "en", kind="scorm", files={"imsmanifest.xml": b"<manifest/>"})
    lesson = interactive_lesson(course.modules[1], scorm, title="Golf")
    assert SessionClient().get(f"/content/s/{grant_token(learner, lesson, scorm)}/h5p/").status_code == 403


def test_state_round_trip(token, learner):
    client = SessionClient()
    empty = client.get(state_url(token))
    assert empty.status_code == 200 and empty.json() == {"success": True, "data": False}
    assert empty["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in empty

    saved = save(token, STATE)
    assert saved.status_code == 200 and saved.json() == {"success": True}
    assert client.get(state_url(token)).json() == {"success": True, "data": STATE}
    stored = H5PUserState.objects.get()
    assert (
        stored.user == learner
        and stored.data_type == "state"
        and stored.sub_content_id == ""
        and stored.preload
    )

    save(token, json.dumps({"answer": True}))
    assert H5PUserState.objects.count() == 1
    assert client.get(state_url(token)).json()["data"] == json.dumps({"answer": True})


def test_h5p_deletes_a_state_by_saving_0(token):
    save(token, STATE)
    save(token, "0")
    assert not H5PUserState.objects.exists()
    assert SessionClient().get(state_url(token)).json()["data"] is False


def test_states_are_kept_per_sub_content_and_type(token):
    save(token, "[1]", sub="abc-123")
    save(token, "[2]", data_type="answers")
    assert SessionClient().get(state_url(token, sub="abc-123")).json()["data"] == "[1]"
    assert SessionClient().get(state_url(token)).json()["data"] is False
    assert SessionClient().get(state_url(token, data_type="answers")).json()["data"] == "[2]"


def test_a_state_is_posted_without_cookies_or_csrf(token):
    response = SessionClient(enforce_csrf_checks=True).post(state_url(token), {"data": STATE, "preload": "1"})
    assert response.status_code == 200


def test_the_preflight_lets_the_sandboxed_player_send_its_session_cookie(token):
    """In sandbox mode the player's origin is "null": credentials only to that named origin."""
    response = SessionClient().options(state_url(token), HTTP_ORIGIN="null")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "null"
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert "Origin" in response["Vary"]
    # What H5P's jQuery sends: it takes the sandboxed frame for same-origin by its address.
    allowed = {name.strip().lower() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert {"content-type", "x-requested-with"} <= allowed


def test_other_origins_get_no_credentials(token):
    response = SessionClient().options(state_url(token), HTTP_ORIGIN="https://elsewhere.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_another_learner_cannot_read_it_with_their_own_token(token, course, lesson, package):
    save(token, STATE)
    other = make_user("other")
    enrol(other, course.page)
    theirs = grant_token(other, lesson, package)
    assert SessionClient().get(state_url(theirs)).json() == {"success": True, "data": False}
    save(theirs, "[]")
    assert SessionClient().get(state_url(token)).json()["data"] == STATE


def test_a_session_does_not_open_someone_elses_state(token, course, learner):
    save(token, STATE)
    other = make_user("other")
    enrol(other, course.page)
    client = SessionClient()
    client.force_login(other)
    # The token is the credential; a tampered one is refused whatever the session says.
    response = client.get(state_url(token[:-2] + "xx"))
    assert response.status_code == 403 and response.json()["success"] is False


def test_a_learner_whose_enrolment_is_gone_can_no_longer_save(token, learner):
    Enrolment.objects.filter(user=learner).delete()
    response = save(token, STATE)
    assert response.status_code == 403
    assert not H5PUserState.objects.exists()


@override_settings(LMS_H5P_MAX_STATE_BYTES=100)
def test_a_state_over_the_limit_is_refused_and_changes_nothing(token):
    save(token, STATE)
    response = save(token, json.dumps({"answer": "x" * 200}))
    assert response.status_code == 413
    assert "100 bytes" in response.json()["message"]
    assert H5PUserState.objects.get().data == STATE


@pytest.mark.parametrize(
    ("data_type", "sub"), [("", "0"), ("state/../x", "0"), ("state", "a b"), ("x" * 200, "0")]
)
def test_odd_keys_are_refused(token, data_type, sub):
    response = SessionClient().post(
        f"/content/s/{token}/h5p/user-data", {"data": STATE}, QUERY_STRING=f"type={data_type}&sub={sub}"
    )
    assert response.status_code == 404
    assert not H5PUserState.objects.exists()


def test_missing_data_is_refused(token):
    response = SessionClient().post(state_url(token), {"preload": "1"})
    assert response.status_code == 400
    assert not H5PUserState.objects.exists()
