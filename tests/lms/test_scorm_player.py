"""/content/s/<session>/scorm/: the player page, resuming, the item tree, new attempts and their limit."""

from __future__ import annotations

import html
import json
import re

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from lms.models import Enrolment, LearnerPseudonym, ScormAttempt
from tests.content_factories import SessionClient
from tests.scorm_factories import (
    cmi12,
    cmi2004,
    commit_url,
    golf,
    grant_token,
    ingest,
    multi_sco_package,
    open_attempt,
    player_url,
    scorm_lesson,
    shared_package,
)
from tests.scorm_factories import post_commit as post_to_site

CONTENT_HOST = "content.testserver"
BUTTON = '<button type="submit">Start a new attempt</button>'
pytestmark = pytest.mark.usefixtures("content_origin")


@pytest.fixture
def content_origin():
    with override_settings(CONTENT_ORIGIN=f"http://{CONTENT_HOST}"):
        yield


def content_client() -> Client:
    return SessionClient(HTTP_HOST=CONTENT_HOST)


def post_commit(url: str, cmi: dict):
    return post_to_site(url, cmi, client=content_client())


def player_data(response) -> dict:
    match = re.search(
        r'<script id="scorm-player-data" type="application/json">(.*?)</script>', response.text, re.S
    )
    assert match, response.text
    return json.loads(match.group(1))


@pytest.fixture
def golf12(db):
    return golf("1.2")


@pytest.fixture
def lesson(course, golf12):
    return scorm_lesson(course.modules[0], golf12, max_attempts=2)


def test_the_player_starts_the_golf_sample_with_scorm_again_12(learner, lesson, golf12):
    # Frozen: the grant in the launch address is signed with the time, compared to one made below.
    with time_machine.travel(timezone.now(), tick=False):
        url = player_url(learner, lesson, golf12)
        response = content_client().get(url)
    token = url.split("/")[3]
    assert response.status_code == 200
    assert "/static/vendor/scorm-again/scorm12.min.js" in response.text
    assert "/static/lms/js/scorm-player.js" in response.text
    assert "frame-ancestors" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    data = player_data(response)
    assert data["standard"] == "1.2"
    assert data["launchUrl"] == f"http://{CONTENT_HOST}/content/s/{token}/files/shared/launchpage.html"
    assert data["commitUrl"].startswith(f"http://{CONTENT_HOST}/content/s/{token}/scorm/commit/")
    assert data["commitUrl"].endswith("?item=item_1")
    core = data["cmi"]["cmi"]["core"]
    assert (core["entry"], core["lesson_status"], core["lesson_location"]) == (
        "ab-initio",
        "not attempted",
        "",
    )
    assert core["student_id"] and core["student_id"] != str(learner.pk)  # a pseudonym, not the account id
    assert "Contents" not in response.text  # one SCO: no item tree
    assert "Attempt 1." in response.text and "You may start 1 more attempt." in response.text
    assert BUTTON not in response.text  # nothing to start again yet
    assert ScormAttempt.objects.filter(user=learner).count() == 1


def test_the_scorm_2004_sample_gets_the_2004_runtime(course, learner):
    package = golf("2004")
    lesson = scorm_lesson(course.modules[0], package, title="Golf 2004")
    data = player_data(content_client().get(player_url(learner, lesson, package)))
    assert data["standard"] == "2004"
    cmi = data["cmi"]["cmi"]
    assert (cmi["entry"], cmi["completion_status"], cmi["total_time"]) == (
        "ab-initio",
        "unknown",
        "PT0H0M0.00S",
    )


def test_reopening_resumes_location_and_suspend_data(learner, lesson, golf12):
    attempt = open_attempt(learner, lesson, golf12)
    post_commit(
        commit_url(attempt),
        cmi12(
            status="incomplete", location="7", suspend_data="q1=a", session_time="0000:03:00", exit_="suspend"
        ),
    )
    core_and_more = player_data(content_client().get(player_url(learner, lesson, golf12)))["cmi"]["cmi"]
    assert core_and_more["core"]["entry"] == "resume"
    assert core_and_more["core"]["lesson_location"] == "7"
    assert core_and_more["core"]["lesson_status"] == "incomplete"
    assert core_and_more["core"]["total_time"] == "0000:03:00.00"
    assert core_and_more["suspend_data"] == "q1=a"


def test_reopening_a_2004_attempt_resumes_too(course, learner):
    package = golf("2004")
    lesson = scorm_lesson(course.modules[0], package, title="Golf 2004")
    attempt = open_attempt(learner, lesson, package)
    post_commit(
        commit_url(attempt), cmi2004("incomplete", location="9", suspend_data="s", session_time="PT30S")
    )
    cmi = player_data(content_client().get(player_url(learner, lesson, package)))["cmi"]["cmi"]
    assert (cmi["entry"], cmi["location"], cmi["suspend_data"]) == ("resume", "9", "s")
    assert cmi["total_time"] == "PT0H0M30.00S"


def new_attempt(learner, lesson, package):
    token = grant_token(learner, lesson, package)
    return content_client().post(reverse("lms_content:scorm_new_attempt", kwargs={"token": token}))


def test_a_new_attempt_starts_afresh_and_the_limit_is_kept(learner, lesson, golf12):
    first = open_attempt(learner, lesson, golf12)
    refused = new_attempt(learner, lesson, golf12)
    assert refused.status_code == 409
    assert "You have not started this attempt yet" in html.unescape(refused.text)

    post_commit(commit_url(first), cmi12(status="failed", location="14", raw=40))
    page = content_client().get(player_url(learner, lesson, golf12))
    assert BUTTON in page.text
    response = new_attempt(learner, lesson, golf12)
    assert response.status_code == 303
    first.refresh_from_db()
    assert first.finished_at is not None
    page = content_client().get(response["Location"])
    data = player_data(page)
    assert data["cmi"]["cmi"]["core"]["entry"] == "ab-initio"
    assert data["cmi"]["cmi"]["core"]["lesson_location"] == ""
    assert "Attempt 2." in page.text and "You have no attempts left." in page.text
    assert BUTTON not in page.text

    second = open_attempt(learner, lesson, golf12)
    assert second.number == 2 and second.pk != first.pk
    post_commit(commit_url(second), cmi12(status="incomplete", location="3"))
    refused = new_attempt(learner, lesson, golf12)
    assert refused.status_code == 409
    assert "You have used all 2 attempts: no new one can be started." in html.unescape(refused.text)
    assert ScormAttempt.objects.filter(user=learner).count() == 2


def test_the_item_tree_of_a_package_with_several_scos(course, learner):
    package = multi_sco_package()
    lesson = scorm_lesson(course.modules[0], package, title="Basics")
    attempt = open_attempt(learner, lesson, package)
    post_commit(commit_url(attempt, item="sco_listen"), cmi12(status="passed", raw=90))
    response = content_client().get(player_url(learner, lesson, package, item="sco_share"))
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Contents" in text and "Part one" in text
    assert re.search(r'<a href="[^"]+\?item=sco_listen" class="scorm-player__item">Listening</a>\s*'
                     r'<span class="scorm-player__state">\(passed\)</span>', text)  # fmt: skip
    assert re.search(
        r'\?item=sco_share" class="scorm-player__item" aria-current="page">Sharing your story</a>', text
    )
    assert "<span>Part one</span>" in text  # a group, not something to launch
    data = player_data(response)
    assert data["launchUrl"].endswith("/share.html") and data["commitUrl"].endswith("?item=sco_share")
    assert content_client().get(player_url(learner, lesson, package, item="nonsense")).status_code == 404


def test_a_learner_without_enrolment_is_refused(learner, lesson, golf12):
    url = player_url(learner, lesson, golf12)
    Enrolment.objects.filter(user=learner).delete()
    response = content_client().get(url)
    assert response.status_code == 403
    assert not ScormAttempt.objects.exists()


def test_an_h5p_grant_opens_no_scorm_player(course, learner):
    package = ingest(shared_package("h5p-test.h5p"), title="True or false?")
    lesson = scorm_lesson(course.modules[0], package, rule="interactive_completed")
    assert content_client().get(player_url(learner, lesson, package)).status_code == 403


def test_without_a_content_origin_the_player_says_what_is_missing(learner, lesson, golf12):
    with override_settings(CONTENT_ORIGIN=""):
        response = SessionClient().get(player_url(learner, lesson, golf12))
    assert response.status_code == 200
    assert "needs a separate address for interactive content" in html.unescape(response.text)
    assert "scorm-player-data" not in response.text
    assert "sandbox" in response["Content-Security-Policy"]


def test_the_player_speaks_the_package_language(course, learner):
    package = golf("1.2", language="sv")
    lesson = scorm_lesson(course.modules[0], package, title="Golf på svenska", max_attempts=1)
    response = content_client().get(player_url(learner, lesson, package))
    assert '<html lang="sv">' in response.text
    assert "Försök 1." in response.text and "Du har inga försök kvar." in response.text


#: A returning learner's player page: the learner with their enrolment and pseudonym (the grant's
#: check), the attempt, its item states. The lesson, its course and the package are kept per
#: content generation. The same for every learner and every opening.
PLAYER_QUERIES = 3


def test_a_returning_learner_s_player_costs_a_few_queries_and_keeps_their_pseudonym(
    learner, lesson, golf12, django_assert_num_queries
):
    client = content_client()
    url = player_url(learner, lesson, golf12)
    first = player_data(client.get(url))["cmi"]["cmi"]["core"]["student_id"]
    with django_assert_num_queries(PLAYER_QUERIES):
        again = client.get(url)
    assert player_data(again)["cmi"]["cmi"]["core"]["student_id"] == first
    assert str(LearnerPseudonym.objects.get(user=learner).pseudonym) == first
