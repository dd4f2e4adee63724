"""POST /api/lms/statements: the one path, all or nothing, and who may post."""

import json

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import APIToken

from lms.models import CompletionRule, LearningStatement, LessonProgress
from lms.statements import Verb
from tests.factories import make_user
from tests.factories_api import (
    CSRF_TOKEN,
    bearer,
    post_json,
    session_client,
    token_for,
    watched,
    xapi,
)
from tests.lms_factories import enrol, knowledge_check, make_lesson


@pytest.fixture
def client(learner):
    return session_client(learner)


def nothing_recorded():
    return LearningStatement.objects.count() == 0 and LessonProgress.objects.count() == 0


def test_one_statement_is_recorded_and_progress_returned(client, learner, course):
    lesson = course.lessons[0]
    body = xapi(lesson, result={"duration": "PT1M"})
    response = post_json(client, body)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["stored"] == [body["id"]] and data["already_stored"] == []
    [progress] = data["progress"]
    assert progress["lesson"] == str(lesson.translation_key)
    assert progress["status"] == "completed" and progress["time_spent_seconds"] == 60
    stored = LearningStatement.objects.get()
    assert stored.user == learner and str(stored.statement_id) == body["id"]
    assert stored.language == "en"


def test_a_batch_is_recorded_with_progress_per_lesson(client, course):
    first, second = course.lessons[:2]
    body = [xapi(first, Verb.PROGRESSED), xapi(first), xapi(second)]
    response = post_json(client, body)
    assert response.status_code == 200, response.content
    assert len(response.json()["stored"]) == 3
    assert {p["lesson"] for p in response.json()["progress"]} == {
        str(first.translation_key),
        str(second.translation_key),
    }
    assert LearningStatement.objects.count() == 3


def test_the_same_statement_twice_counts_once(client, course):
    body = xapi(course.lessons[0], result={"duration": "PT30S"})
    assert post_json(client, body).status_code == 200
    again = post_json(client, [body, body])
    assert again.status_code == 200
    assert again.json()["stored"] == [] and again.json()["already_stored"] == [body["id"], body["id"]]
    assert LearningStatement.objects.count() == 1
    assert LessonProgress.objects.get().time_spent_seconds == 30


def test_context_language_is_kept_with_the_statement(client, course):
    body = xapi(course.lessons[0], context={"language": "sv-SE"})
    assert post_json(client, body).status_code == 200
    assert LearningStatement.objects.get().language == "sv"


BAD_BODIES = {
    "malformed JSON": ("{not json", 400, "not valid JSON"),
    "not an object": (json.dumps(["just a string"]), 400, "must be a JSON object"),
    "empty list": ("[]", 400, "empty"),
    "no verb": (lambda lesson: {"object": xapi(lesson)["object"]}, 400, "verb"),
    "foreign object": (
        lambda lesson: {**xapi(lesson), "object": {"id": "https://else.where/x"}},
        400,
        "object id",
    ),
    "bad id": (lambda lesson: xapi(lesson, statement_id="not-a-uuid"), 400, "UUID"),
    "score out of range": (
        lambda lesson: xapi(lesson, result={"score": {"scaled": 2}}),
        400,
        "between -1 and 1",
    ),
    "future timestamp": (lambda lesson: xapi(lesson, timestamp="2999-01-01T00:00:00Z"), 400, "future"),
    "unknown language": (lambda lesson: xapi(lesson, context={"language": "xx"}), 400, "languages"),
    "knowledge check": (
        lambda lesson: xapi(lesson, Verb.PASSED, "knowledge_check:abc"),
        422,
        "graded by the server",
    ),
    "completing a viewed lesson": (lambda lesson: xapi(lesson, Verb.COMPLETED), 422, "cannot mark"),
    "claiming a pass": (lambda lesson: xapi(lesson, result={"success": True}), 422, "server decides"),
    "unknown video": (lambda lesson: watched(lesson, "tracked_video:nope", 1.0), 422, "no such video"),
    "unknown activity kind": (lambda lesson: xapi(lesson, activity="scorm:sco-1"), 422, "cannot be sent"),
}


@pytest.mark.parametrize("case", BAD_BODIES.keys())
def test_bad_input_is_refused_and_nothing_recorded(client, course, case):
    body, status, message = BAD_BODIES[case]
    body = body(course.lessons[0]) if callable(body) else body
    response = post_json(client, body)
    assert response.status_code == status, response.content
    assert message in json.dumps(response.json(), ensure_ascii=False)
    assert nothing_recorded()


def test_one_bad_statement_in_a_batch_refuses_the_batch_and_names_it(client, course):
    lesson = course.lessons[0]
    bad = xapi(lesson, result={"score": {"scaled": 5}})
    response = post_json(client, [xapi(lesson), bad, xapi(course.lessons[1])])
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["index"] == 1 and error["statement_id"] == bad["id"]
    assert "between -1 and 1" in error["message"]
    assert nothing_recorded()


def test_unknown_lesson_is_404(client, course):
    lesson = course.lessons[0]
    body = xapi(lesson)
    body["object"]["id"] = body["object"]["id"].replace(
        str(lesson.translation_key), "0" * 8 + "-0000-4000-8000-" + "0" * 12
    )
    response = post_json(client, body)
    assert response.status_code == 404
    assert "no published lesson" in response.json()["errors"][0]["message"]
    assert nothing_recorded()


def test_too_many_statements_are_refused(client, course):
    response = post_json(client, [xapi(course.lessons[0]) for _ in range(51)])
    assert response.status_code == 400 and "50" in response.json()["detail"]
    assert nothing_recorded()


@override_settings(LMS_MAX_STATEMENT_BYTES=2000)
def test_a_body_over_the_size_limit_is_413(client, course):
    body = [xapi(course.lessons[0]) for _ in range(10)]
    assert len(json.dumps(body)) > 2000
    response = post_json(client, body)
    assert response.status_code == 413 and "2000" in response.json()["detail"]
    assert nothing_recorded()


def test_not_enrolled_is_403(course):
    stranger = make_user("stranger")
    response = post_json(session_client(stranger), xapi(course.lessons[0]))
    assert response.status_code == 403
    assert nothing_recorded()


def test_anonymous_is_401(course):
    assert post_json(Client(), xapi(course.lessons[0])).status_code == 401
    assert nothing_recorded()


def test_a_statement_id_of_someone_else_is_409(client, course):
    other = make_user("other")
    enrol(other, course.page)
    body = xapi(course.lessons[0])
    assert post_json(session_client(other), body).status_code == 200
    response = post_json(client, body)
    assert response.status_code == 409
    assert LearningStatement.objects.count() == 1


def test_session_post_without_csrf_token_is_refused(learner, course):
    client = session_client(learner, enforce_csrf=True)
    response = post_json(client, xapi(course.lessons[0]))
    assert response.status_code == 403
    assert nothing_recorded()


def test_session_post_with_csrf_token_is_accepted(learner, course):
    client = session_client(learner, enforce_csrf=True)
    client.cookies["csrftoken"] = CSRF_TOKEN
    response = post_json(client, xapi(course.lessons[0]), HTTP_X_CSRFTOKEN=CSRF_TOKEN)
    assert response.status_code == 200, response.content


def test_token_auth_needs_no_csrf_and_notes_use(learner, course):
    secret = token_for(learner)
    response = post_json(Client(enforce_csrf_checks=True), xapi(course.lessons[0]), **bearer(secret))
    assert response.status_code == 200, response.content
    assert LearningStatement.objects.get().user == learner
    assert APIToken.objects.get().last_used_at is not None


def test_revoked_or_wrong_token_is_refused(learner, course):
    secret = token_for(learner)
    APIToken.objects.get().revoke()
    client = Client(enforce_csrf_checks=True)
    assert post_json(client, xapi(course.lessons[0]), **bearer(secret)).status_code == 401
    assert post_json(client, xapi(course.lessons[0]), **bearer("wagtail_nonsense")).status_code == 401
    assert nothing_recorded()


def test_a_wrong_token_does_not_fall_back_to_the_session(client, course):
    response = post_json(client, xapi(course.lessons[0]), **bearer("wagtail_nonsense"))
    assert response.status_code == 401
    assert nothing_recorded()


def test_watching_a_tracked_video_completes_a_video_lesson(client, course, learner):
    lesson = make_lesson(
        course.modules[0],
        "Watching",
        body=[("tracked_video", {"video": None})],
        completion_rule=CompletionRule.VIDEO_WATCHED,
        video_share=80,
    )
    [video] = lesson.activity_ids("tracked_video")
    body = watched(lesson, video, 0.85)
    body["result"]["extensions"]["https://nordpeer.eu/xapi/extensions/position"] = "93.5"
    response = post_json(client, body)
    assert response.status_code == 200, response.content
    [progress] = response.json()["progress"]
    assert progress["status"] == "completed" and progress["last_position"] == "93.5"


def test_the_learner_may_complete_a_lesson_they_mark_done(client, course):
    lesson = make_lesson(course.modules[0], "Reflect", completion_rule=CompletionRule.LEARNER_MARKS_DONE)
    assert post_json(client, xapi(lesson)).json()["progress"][0]["status"] == "in_progress"
    response = post_json(client, xapi(lesson, Verb.COMPLETED, timestamp=timezone.now().isoformat()))
    assert response.status_code == 200, response.content
    assert response.json()["progress"][0]["status"] == "completed"


def test_a_knowledge_check_lesson_is_not_completed_by_the_client(client, course):
    lesson = make_lesson(
        course.modules[0], "Check", body=[knowledge_check()], completion_rule=CompletionRule.CHECK_PASSED
    )
    [check] = lesson.activity_ids("knowledge_check")
    response = post_json(client, xapi(lesson, Verb.PASSED, check, result={"success": True}))
    assert response.status_code == 422
    assert nothing_recorded()
