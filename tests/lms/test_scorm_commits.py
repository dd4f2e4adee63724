"""POST /content/s/<session>/scorm/commit/<attempt token>: a SCO's CMI becomes statements and progress,
once."""

from __future__ import annotations

import json

import pytest
import time_machine
from django.core import signing
from django.test import override_settings
from django.utils import timezone

from lms import scorm_attempt_token, scorm_runtime
from lms.models import Enrolment, LearningStatement, LessonProgress, ScormItemState
from lms.statements import POSITION_EXTENSION, Verb
from tests.content_factories import SessionClient
from tests.factories import make_user
from tests.lms_factories import enrol
from tests.scorm_factories import (
    attempt_session,
    cmi12,
    cmi2004,
    commit_url,
    golf,
    multi_sco_package,
    open_attempt,
    post_commit,
    scorm_lesson,
    session,
)


@pytest.fixture
def golf12(db):
    return golf("1.2")


@pytest.fixture
def lesson(course, golf12):
    return scorm_lesson(course.modules[0], golf12)


@pytest.fixture
def attempt(learner, lesson, golf12):
    return open_attempt(learner, lesson, golf12)


def progress_of(user, lesson) -> LessonProgress:
    return LessonProgress.objects.get(user=user, lesson_key=lesson.translation_key)


def verbs(user) -> list[str]:
    return sorted(LearningStatement.objects.filter(user=user).values_list("verb", flat=True))


def test_a_scorm_12_pass_with_80_completes_and_passes_the_lesson(learner, lesson, attempt):
    response = post_commit(commit_url(attempt), cmi12(status="passed", location="14", raw=80))
    assert response.status_code == 200
    assert response.json()["result"] is True and response.json()["errorCode"] == 0
    progress = progress_of(learner, lesson)
    assert progress.status == "completed"
    assert progress.success == "passed"
    assert progress.best_score == pytest.approx(0.8)
    assert progress.last_position == "14"
    assert verbs(learner) == sorted([Verb.PROGRESSED, Verb.COMPLETED, Verb.PASSED])
    passed = LearningStatement.objects.get(user=learner, verb=Verb.PASSED)
    assert (passed.score_raw, passed.score_min, passed.score_max) == (80, 0, 100)
    assert passed.activity == attempt.activity and passed.success is True
    state = ScormItemState.objects.get(attempt=attempt)
    assert state.cmi["cmi"]["core"]["lesson_status"] == "passed"
    assert (state.completion_status, state.success_status, state.location) == ("completed", "passed", "14")


def test_a_scorm_2004_pass_with_080_completes_and_passes_the_lesson(course, learner):
    package = golf("2004")
    lesson = scorm_lesson(course.modules[0], package, title="Golf 2004")
    attempt = open_attempt(learner, lesson, package)
    cmi = cmi2004("completed", "passed", location="14", scaled=0.8, session_time="PT1M")
    assert post_commit(commit_url(attempt), cmi).status_code == 200
    progress = progress_of(learner, lesson)
    assert (progress.status, progress.success, progress.best_score) == (
        "completed",
        "passed",
        pytest.approx(0.8),
    )
    assert progress.time_spent_seconds == pytest.approx(60)


def test_incomplete_is_progress_but_not_completion(learner, lesson, attempt):
    post_commit(commit_url(attempt), cmi12(status="incomplete", location="3"))
    progress = progress_of(learner, lesson)
    assert progress.status == "in_progress" and progress.success == "unknown"
    assert verbs(learner) == [Verb.PROGRESSED]


def test_the_same_commit_twice_counts_once(learner, lesson, attempt):
    url = commit_url(attempt)
    cmi = cmi12(status="passed", location="14", raw=80, session_time="0000:05:00")
    first, second = post_commit(url, cmi), post_commit(url, cmi)
    assert first.json()["recorded"] == 3 and second.json()["recorded"] == 0
    assert LearningStatement.objects.filter(user=learner).count() == 3
    progress = progress_of(learner, lesson)
    assert progress.time_spent_seconds == 300
    state = ScormItemState.objects.get(attempt=attempt)
    assert state.total_time_seconds == 300 and state.commit_count == 2


def test_the_final_beacon_as_text_plain_is_accepted(learner, lesson, attempt):
    response = post_commit(
        commit_url(attempt), cmi12(status="completed"), content_type="text/plain;charset=UTF-8"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert progress_of(learner, lesson).activities[attempt.activity]["completed"] is True


def test_the_preflight_is_answered_for_a_sandboxed_frame(attempt):
    response = SessionClient().options(
        commit_url(attempt), HTTP_ORIGIN="null", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "null"
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "Content-Type" in response["Access-Control-Allow-Headers"]
    assert SessionClient().get(commit_url(attempt)).status_code == 405


def nothing_changed(learner, attempt) -> bool:
    return (
        not LearningStatement.objects.filter(user=learner).exists()
        and not ScormItemState.objects.filter(attempt=attempt).exists()
    )


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ("passed", 400, "must be JSON"),
        ("[1]", 400, "JSON object"),
        ('{"cmi": 1}', 400, "cmi"),
        (
            json.dumps({"cmi": {"core": {"lesson_status": "passed", "session_time": "soon"}}}),
            400,
            "session time",
        ),
    ],
)
def test_bad_bodies_are_refused_and_change_nothing(learner, attempt, body, status, words):
    response = SessionClient().post(commit_url(attempt), data=body, content_type="text/plain")
    assert response.status_code == status
    assert response.json()["result"] is False and words in response.json()["error"]
    assert nothing_changed(learner, attempt)


@override_settings(LMS_SCORM_MAX_COMMIT_BYTES=1000)
def test_a_body_too_large_is_refused_with_413(learner, attempt):
    response = post_commit(commit_url(attempt), cmi12(status="passed", suspend_data="x" * 2000))
    assert response.status_code == 413
    assert "too large" in response.json()["error"]
    assert nothing_changed(learner, attempt)


def test_a_commit_without_a_session_or_for_an_unknown_item_is_refused(learner, attempt):
    url = commit_url(attempt)
    without_session = url.split("?")[0]
    assert post_commit(without_session, cmi12(status="passed")).status_code == 400
    assert post_commit(commit_url(attempt, item="nonsense"), cmi12(status="passed")).status_code == 400
    assert nothing_changed(learner, attempt)


def test_forged_expired_and_other_learners_tokens_are_refused(learner, lesson, golf12, attempt):
    other = make_user("other")
    enrol(other, lesson.get_parent().get_parent().specific)
    forged = signing.dumps([attempt.pk, other.pk], salt=scorm_attempt_token.ATTEMPT_SALT)
    wrong_salt = signing.dumps([attempt.pk, learner.pk], salt="lms.content.grant")
    cmi = cmi12(status="passed", raw=100)
    for token in (forged, wrong_salt, scorm_attempt_token.attempt_token(attempt) + "x", "nonsense"):
        response = post_commit(
            f"/content/s/{attempt_session(attempt)}/scorm/commit/{token}?session={session()}", cmi
        )
        assert response.status_code == 403, token
        assert "not valid" in response.json()["error"]
    with (
        override_settings(LMS_CONTENT_GRANT_MAX_AGE=1),
        time_machine.travel(timezone.now(), tick=False) as clock,
    ):
        token = scorm_attempt_token.attempt_token(attempt)
        clock.shift(2)
        response = post_commit(
            f"/content/s/{attempt_session(attempt)}/scorm/commit/{token}?session={session()}", cmi
        )
    assert response.status_code == 403 and "expired" in response.json()["error"]
    assert nothing_changed(learner, attempt)
    assert not LearningStatement.objects.filter(user=other).exists()


def test_a_learner_no_longer_enrolled_is_refused(learner, lesson, attempt):
    url = commit_url(attempt)
    Enrolment.objects.filter(user=learner).delete()
    response = post_commit(url, cmi12(status="passed", raw=100))
    assert response.status_code == 403
    assert "no longer have access" in response.json()["error"]
    assert nothing_changed(learner, attempt)


def _unenrol(learner):
    Enrolment.objects.filter(user=learner).delete()


def _deactivate(learner):
    learner.is_active = False
    learner.save(update_fields=["is_active"])


@pytest.mark.parametrize("lose_access", [_unenrol, _deactivate])
def test_a_returning_learner_who_lost_access_is_refused_and_their_work_kept(
    learner, lesson, attempt, lose_access
):
    # A returning learner's commit opens the attempt in the query that locks their progress.
    url = commit_url(attempt)
    assert post_commit(url, cmi12(location="3", suspend_data="kept")).status_code == 200
    statements = LearningStatement.objects.filter(user=learner).count()
    lose_access(learner)
    response = post_commit(url, cmi12(status="passed", raw=100, location="9"))
    assert response.status_code == 403
    state = ScormItemState.objects.get(attempt=attempt)
    assert (state.commit_count, state.location, state.suspend_data) == (1, "3", "kept")
    assert LearningStatement.objects.filter(user=learner).count() == statements
    assert progress_of(learner, lesson).last_position == "3"


def test_session_time_is_counted_once_per_session_and_summed_across_sessions(learner, lesson, attempt):
    first, second = session(), session()
    # scorm-again repeats a session's time in every commit until Terminate; the SCO may update it.
    post_commit(commit_url(attempt, session_id=first), cmi12(location="1", session_time="0000:01:00"))
    post_commit(commit_url(attempt, session_id=first), cmi12(location="2", session_time="0000:01:00"))
    post_commit(commit_url(attempt, session_id=first), cmi12(location="3", session_time="0000:02:30.25"))
    post_commit(commit_url(attempt, session_id=second), cmi12(location="4", session_time="0000:00:10.50"))
    # A late copy of the first session's final commit adds nothing.
    post_commit(commit_url(attempt, session_id=first), cmi12(location="4", session_time="0000:02:30.25"))
    state = ScormItemState.objects.get(attempt=attempt)
    assert state.total_time_seconds == pytest.approx(150.25 + 10.5)
    assert progress_of(learner, lesson).time_spent_seconds == pytest.approx(160.75)
    durations = LearningStatement.objects.filter(user=learner).values_list("duration_seconds", flat=True)
    assert sum(d or 0 for d in durations) == pytest.approx(160.75)
    start = scorm_runtime.start_data(attempt, scorm_runtime.find_item(attempt.package, None), learner, "id")
    assert start["cmi"]["core"]["total_time"] == "0000:02:40.75"


def test_a_failed_attempt_after_a_pass_keeps_the_pass_and_the_best_score(learner, lesson, golf12, attempt):
    post_commit(commit_url(attempt), cmi12(status="passed", raw=80))
    post_commit(commit_url(attempt), cmi12(status="failed", raw=40))
    progress = progress_of(learner, lesson)
    assert progress.success == "passed" and progress.best_score == pytest.approx(0.8)
    assert LearningStatement.objects.filter(user=learner, verb=Verb.FAILED).count() == 1


def test_the_location_becomes_the_resume_position(learner, lesson, attempt):
    post_commit(commit_url(attempt), cmi12(location="5"))
    statement = LearningStatement.objects.get(user=learner, verb=Verb.PROGRESSED)
    assert statement.extensions == {POSITION_EXTENSION: "5"}
    assert progress_of(learner, lesson).last_position == "5"


def test_several_scos_complete_the_lesson_only_when_every_sco_is_done(course, learner):
    package = multi_sco_package()
    lesson = scorm_lesson(course.modules[0], package, title="Basics", rule="interactive_completed")
    attempt = open_attempt(learner, lesson, package)
    post_commit(commit_url(attempt, item="sco_listen"), cmi12(status="passed", raw=90))
    post_commit(commit_url(attempt, item="sco_share"), cmi12(status="completed"))
    progress = progress_of(learner, lesson)
    assert progress.status == "in_progress" and progress.success == "unknown"
    response = post_commit(commit_url(attempt, item="sco_quiz"), cmi12(status="passed", raw=70))
    assert response.json()["completed"] is True and response.json()["success"] == "passed"
    progress = progress_of(learner, lesson)
    assert (progress.status, progress.success) == ("completed", "passed")
    # The attempt's score is the mean of the SCOs' scores.
    assert progress.best_score == pytest.approx(0.8)
    assert set(ScormItemState.objects.filter(attempt=attempt).values_list("item_identifier", flat=True)) == {
        "sco_listen",
        "sco_share",
        "sco_quiz",
    }


def test_one_failed_sco_fails_the_attempt(course, learner):
    package = multi_sco_package()
    lesson = scorm_lesson(course.modules[0], package, title="Basics")
    attempt = open_attempt(learner, lesson, package)
    post_commit(commit_url(attempt, item="sco_listen"), cmi12(status="failed", raw=20))
    post_commit(commit_url(attempt, item="sco_share"), cmi12(status="completed"))
    post_commit(commit_url(attempt, item="sco_quiz"), cmi12(status="passed", raw=100))
    progress = progress_of(learner, lesson)
    assert progress.success == "failed" and progress.status == "in_progress"


def test_going_back_to_an_earlier_page_moves_the_resume_position_back(learner, lesson, attempt):
    url = commit_url(attempt)
    for location in ("3", "4", "3"):
        post_commit(url, cmi12(location=location))
    assert progress_of(learner, lesson).last_position == "3"
    assert LearningStatement.objects.filter(user=learner, verb=Verb.PROGRESSED).count() == 3
