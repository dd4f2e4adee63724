"""A lesson frame's launch link opens one content session, once, in the browser that opens it.

A copied launch link, a copied player or file address, or a cookie of another session plays
nothing as the learner and stores nothing.
"""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from lms import scorm_attempt_token
from lms.content.access import SESSION_COOKIE, session_proof
from lms.models import ContentLaunch, H5PUserState, LearningStatement, ScormItemState
from lms.models.packages import package_storage
from tests.content_factories import H5P_TEST, SessionClient, grant_token, ingest, interactive_lesson
from tests.scorm_factories import attempt_session, cmi12, golf, open_attempt, scorm_lesson, session

ALREADY_OPENED = "This link has already been opened. Reload the lesson to open the content again."
NOT_THIS_BROWSER = "This content opens only in the browser that opened the lesson."


@pytest.fixture
def package(db):
    return ingest(H5P_TEST, title="Is this false?")


@pytest.fixture
def lesson(course, package):
    return interactive_lesson(course.modules[0], package)


def launch_link(learner, lesson) -> str:
    """The frame's address on the lesson page, as the learner's browser gets it."""
    client = Client()
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    src = unescape(re.search(r'<iframe class="interactive__frame" src="([^"]+)"', page).group(1))
    return src.split("#")[0]


def session_of(response) -> str:
    """The session token in a launch's redirect to the player."""
    return re.match(r"^/content/s/([^/]+)/h5p/$", response["Location"]).group(1)


def test_the_launch_link_starts_a_session_with_a_partitioned_cookie(learner, lesson):
    link = launch_link(learner, lesson)
    assert link.startswith("/content/launch/")
    browser = Client()
    response = browser.get(link)
    assert response.status_code == 303
    token = session_of(response)
    cookie = response.cookies[SESSION_COOKIE]
    assert cookie.value == session_proof(token)
    assert cookie["path"] == f"/content/s/{token}/"
    assert cookie["secure"] is True and cookie["httponly"] is True
    assert cookie["samesite"] == "None"
    assert cookie["max-age"] == 12 * 60 * 60
    assert cookie.OutputString().endswith("; Partitioned")
    # The browser that opened it plays, with its cookie.
    player = browser.get(response["Location"])
    assert player.status_code == 200
    assert b'id="h5p-options"' in player.content


def test_a_launch_link_opens_once(learner, lesson):
    link = launch_link(learner, lesson)
    assert Client().get(link).status_code == 303
    second = Client().get(link)
    assert second.status_code == 403
    assert second.content.decode() == ALREADY_OPENED
    assert SESSION_COOKIE not in second.cookies
    assert ContentLaunch.objects.count() == 1


def test_each_lesson_page_view_gives_a_new_link(learner, lesson):
    first, second = launch_link(learner, lesson), launch_link(learner, lesson)
    assert first != second
    assert Client().get(first).status_code == 303
    assert Client().get(second).status_code == 303


def test_a_launch_link_expires_after_a_minute(learner, lesson):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        link = launch_link(learner, lesson)
        clock.shift(61)
        response = Client().get(link)
    assert response.status_code == 403
    assert "expired" in response.content.decode()
    assert not ContentLaunch.objects.exists()


def test_old_launches_are_forgotten_as_new_ones_come(learner, lesson):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        Client().get(launch_link(learner, lesson))
        clock.shift(600)
        Client().get(launch_link(learner, lesson))
    assert ContentLaunch.objects.count() == 1


def test_a_copied_player_or_file_address_is_refused_without_the_cookie(learner, lesson, package):
    token = grant_token(learner, lesson, package)
    for path in ("h5p/", "files/h5p.json", "files/content/content.json"):
        response = Client().get(f"/content/s/{token}/{path}")
        assert response.status_code == 403, path
        assert response.content.decode().startswith(NOT_THIS_BROWSER)
        assert SessionClient().get(f"/content/s/{token}/{path}").status_code == 200, path


def test_a_font_needs_no_cookie_but_a_valid_session(learner, lesson, package):
    """A sandboxed page's CSS fetches fonts without credentials; a font says nothing of the learner."""
    package_storage().save(package.folder + "fonts/icons.woff2", io.BytesIO(b"wOF2"))
    token = grant_token(learner, lesson, package)
    assert Client().get(f"/content/s/{token}/files/fonts/icons.woff2").status_code == 200
    assert Client().get("/content/s/forged/files/fonts/icons.woff2").status_code == 403


def test_a_cookie_of_another_session_is_refused(learner, lesson, package, course):
    other_package = ingest(H5P_TEST, title="Another exercise")
    other_lesson = interactive_lesson(course.modules[1], other_package, title="More")
    theirs = grant_token(learner, other_lesson, other_package)
    mine = grant_token(learner, lesson, package)
    browser = Client()
    browser.cookies[SESSION_COOKIE] = session_proof(theirs)
    assert browser.get(f"/content/s/{mine}/files/h5p.json").status_code == 403
    assert browser.get(f"/content/s/{theirs}/files/h5p.json").status_code == 200
    # The same lesson and package, another session (another page view): refused too.
    browser.cookies[SESSION_COOKIE] = session_proof(grant_token(learner, lesson, package))
    assert browser.get(f"/content/s/{mine}/h5p/").status_code == 403


def test_h5p_state_is_not_saved_without_the_cookie(learner, lesson, package):
    token = grant_token(learner, lesson, package)
    url = f"/content/s/{token}/h5p/user-data?type=state&sub=0"
    response = Client().post(url, {"data": json.dumps({"answer": True}), "preload": "1"})
    assert response.status_code == 403
    assert response.json()["success"] is False
    assert response.json()["message"].startswith(NOT_THIS_BROWSER)
    assert not H5PUserState.objects.exists()
    assert Client().get(url).status_code == 403


@pytest.fixture
def golf_lesson(course):
    package = golf("1.2")
    return scorm_lesson(course.modules[1], package), package


def test_a_scorm_commit_needs_the_cookie_of_the_attempts_session(learner, golf_lesson, course):
    lesson, package = golf_lesson
    attempt = open_attempt(learner, lesson, package)
    attempt_token = scorm_attempt_token.attempt_token(attempt)
    body = json.dumps({"cmi": cmi12(status="passed", raw=100)})
    token = attempt_session(attempt)
    url = f"/content/s/{token}/scorm/commit/{attempt_token}?session={session()}&item=item_1"
    response = Client().post(url, data=body, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"].startswith(NOT_THIS_BROWSER)
    # A session of the same learner for another block's package does not carry this attempt.
    h5p_lesson = interactive_lesson(course.modules[0], ingest(H5P_TEST, title="Quiz"))
    other = grant_token(learner, h5p_lesson, h5p_lesson.body[1].value["package"])
    elsewhere = f"/content/s/{other}/scorm/commit/{attempt_token}?session={session()}&item=item_1"
    response = SessionClient().post(elsewhere, data=body, content_type="application/json")
    assert response.status_code == 403
    sequencing = f"/content/s/{token}/scorm/sequencing/{attempt_token}"
    assert Client().post(sequencing, data="{}", content_type="application/json").status_code == 403
    assert not ScormItemState.objects.exists()
    assert not LearningStatement.objects.filter(user=learner).exists()
    # The session's own browser commits.
    assert SessionClient().post(url, data=body, content_type="application/json").status_code == 200


def frame_ticket_of(response) -> dict:
    island = re.search(r'id="content-frame-ticket" type="application/json">(.*?)</script>', response.text)
    return json.loads(island.group(1)) if island else {}


def test_a_sandboxed_player_trades_its_frame_ticket_once_for_the_cookie(learner, lesson, package):
    token = grant_token(learner, lesson, package)
    ticket = frame_ticket_of(SessionClient().get(f"/content/s/{token}/h5p/"))
    assert ticket["url"] == f"/content/s/{token}/frame-cookie"
    # The page's own request goes without the cookie (Chromium does not send it from there).
    response = Client().post(ticket["url"], {"ticket": ticket["ticket"]}, HTTP_ORIGIN="null")
    assert response.status_code == 200
    assert response.cookies[SESSION_COOKIE].value == session_proof(token)
    assert response.cookies[SESSION_COOKIE].OutputString().endswith("; Partitioned")
    assert response["Access-Control-Allow-Origin"] == "null"
    assert response["Access-Control-Allow-Credentials"] == "true"
    again = Client().post(ticket["url"], {"ticket": ticket["ticket"]}, HTTP_ORIGIN="null")
    assert again.status_code == 403
    assert again.json()["error"] == ALREADY_OPENED
    assert SESSION_COOKIE not in again.cookies


def test_a_frame_ticket_opens_only_its_own_session(learner, lesson, package):
    token, other = grant_token(learner, lesson, package), grant_token(learner, lesson, package)
    ticket = frame_ticket_of(SessionClient().get(f"/content/s/{token}/h5p/"))
    response = Client().post(f"/content/s/{other}/frame-cookie", {"ticket": ticket["ticket"]})
    assert response.status_code == 403 and SESSION_COOKIE not in response.cookies
    assert Client().post(ticket["url"], {"ticket": "forged"}).status_code == 403
    assert Client().post(ticket["url"]).status_code == 403


def test_with_a_content_origin_the_player_needs_no_frame_ticket(learner, lesson, package, settings):
    settings.CONTENT_ORIGIN = "http://content.example"
    token = grant_token(learner, lesson, package)
    page = SessionClient(HTTP_HOST="content.example").get(f"/content/s/{token}/h5p/")
    assert page.status_code == 200 and frame_ticket_of(page) == {}
