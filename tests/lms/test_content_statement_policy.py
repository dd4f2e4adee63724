"""Statements about interactive blocks: H5P grades in the browser, SCORM only through its player."""

from __future__ import annotations

import pytest

from lms.models import LearningStatement, LessonProgress
from lms.statements import Verb, activity_iri
from tests.content_factories import block_activity, fake_package, interactive_lesson
from tests.factories_api import post_json, session_client, xapi

ANSWERED = {"score": {"raw": 1, "min": 0, "max": 1, "scaled": 1}, "success": True, "completion": True}


@pytest.fixture
def h5p_lesson(course):
    package = fake_package("True or false", "en")
    return interactive_lesson(course.modules[0], package, completion_rule="interactive_passed")


@pytest.fixture
def client(learner):
    return session_client(learner)


def test_an_h5p_score_is_accepted_for_its_block(client, learner, h5p_lesson):
    body = xapi(
        h5p_lesson, Verb.ANSWERED, block_activity(h5p_lesson), result=ANSWERED, context={"language": "en"}
    )
    response = post_json(client, body)
    assert response.status_code == 200, response.content
    progress = LessonProgress.objects.get(user=learner, lesson_key=h5p_lesson.translation_key)
    assert progress.status == "completed" and progress.success == "passed" and progress.best_score == 1.0
    assert LearningStatement.objects.get().score_raw == 1


def test_a_failed_answer_is_recorded_and_does_not_complete_a_pass_rule(client, learner, h5p_lesson):
    failed = {"score": {"raw": 0, "min": 0, "max": 1, "scaled": 0}, "success": False, "completion": True}
    response = post_json(client, xapi(h5p_lesson, Verb.ANSWERED, block_activity(h5p_lesson), result=failed))
    assert response.status_code == 200
    progress = LessonProgress.objects.get(user=learner, lesson_key=h5p_lesson.translation_key)
    assert progress.status == "in_progress" and progress.success == "failed"


def test_a_sub_question_is_refused(client, h5p_lesson):
    body = xapi(h5p_lesson, Verb.ANSWERED, result=ANSWERED)
    body["object"]["id"] = (
        activity_iri(h5p_lesson.translation_key, block_activity(h5p_lesson)) + "?subContentId=1a2b"
    )
    response = post_json(client, body)
    assert response.status_code == 400
    assert not LearningStatement.objects.exists()


def test_an_id_that_is_not_the_block_is_refused(client, h5p_lesson):
    response = post_json(
        client, xapi(h5p_lesson, Verb.ANSWERED, block_activity(h5p_lesson) + ".1a2b", result=ANSWERED)
    )
    assert response.status_code == 422
    assert "no such interactive content" in response.json()["errors"][0]["message"]
    response = post_json(client, xapi(h5p_lesson, Verb.ANSWERED, "interactive:unknown", result=ANSWERED))
    assert response.status_code == 422
    assert not LearningStatement.objects.exists()


def test_a_scorm_block_refuses_statements_from_the_browser(client, course):
    scorm = fake_package("Golf", "en", kind="scorm")
    lesson = interactive_lesson(course.modules[0], scorm, completion_rule="interactive_passed")
    response = post_json(client, xapi(lesson, Verb.PASSED, block_activity(lesson), result=ANSWERED))
    assert response.status_code == 422
    assert "SCORM" in response.json()["errors"][0]["message"]
    assert not LearningStatement.objects.exists()


def test_the_package_is_judged_in_the_statements_language(client, course):
    english = fake_package("Exercise", "en")
    fake_package("Övning", "sv", kind="scorm", translation_of=english)
    lesson = interactive_lesson(course.modules[0], english)
    activity = block_activity(lesson)
    assert post_json(client, xapi(lesson, Verb.ANSWERED, activity, result=ANSWERED)).status_code == 200
    swedish = xapi(lesson, Verb.ANSWERED, activity, result=ANSWERED, context={"language": "sv"})
    assert post_json(client, swedish).status_code == 422


def test_verbs_that_h5p_does_not_send_are_refused(client, h5p_lesson):
    body = xapi(h5p_lesson, "http://adlnet.gov/expapi/verbs/voided", block_activity(h5p_lesson))
    response = post_json(client, body)
    assert response.status_code == 422
    assert "cannot send this verb" in response.json()["errors"][0]["message"]
