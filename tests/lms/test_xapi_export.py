"""Stored statements as xAPI 1.0.3: the shape the specification requires, checked rule by rule."""

import json
import re
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lms.models import LearnerPseudonym, LearningStatement
from lms.progress import record
from lms.statements import Verb, activity_iri, from_xapi, parse_duration
from lms.xapi import course_iri, export_statements, to_xapi
from tests.factories import make_user
from tests.lms_factories import enrol, knowledge_check, make_course, make_lesson, statement

#: xAPI 1.0.3 §2.2: the top-level properties a statement may have.
STATEMENT_PROPERTIES = {
    "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
    "version", "attachments",
}  # fmt: skip
#: §4.6: an ISO 8601 duration.
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
#: RFC 5646 language tags as xAPI language maps and context.language use them (simplified).
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
IRI = re.compile(r"^[a-z][a-z0-9+.-]*://[^\s]+$")


@pytest.fixture
def course(home):
    course = make_course(home, "Listening well", modules=1, lessons_per_module=1)
    course.check_lesson = make_lesson(course.modules[0], "Check yourself", body=[knowledge_check()])
    return course


@pytest.fixture
def learner(course):
    user = make_user("sigrid@example.org")
    enrol(user, course.page)
    return user


def check_agent(agent):
    assert agent["objectType"] == "Agent"
    identifiers = {"mbox", "mbox_sha1sum", "openid", "account"} & set(agent)
    assert identifiers == {"account"}, "an agent has exactly one inverse functional identifier"
    account = agent["account"]
    assert set(account) == {"homePage", "name"}
    assert IRI.match(account["homePage"]) and account["name"]


def check_language_map(language_map):
    assert language_map and all(LANGUAGE_TAG.match(tag) for tag in language_map)


def check_activity(activity):
    assert activity["objectType"] == "Activity" and IRI.match(activity["id"])
    definition = activity.get("definition", {})
    if "name" in definition:
        check_language_map(definition["name"])
    if "type" in definition:
        assert IRI.match(definition["type"])


def check_statement(data):
    """The rules of xAPI 1.0.3 §2.4 that can be checked without an LRS."""
    assert set(data) <= STATEMENT_PROPERTIES
    assert str(uuid.UUID(data["id"])) == data["id"]
    check_agent(data["actor"])
    assert IRI.match(data["verb"]["id"])
    check_language_map(data["verb"]["display"])
    check_activity(data["object"])
    for moment in (data["timestamp"], data["stored"]):
        parsed = parse_datetime(moment)
        assert parsed is not None and parsed.tzinfo is not None
    check_agent(data["authority"])
    assert data["version"] == "1.0.3"
    context = data["context"]
    assert LANGUAGE_TAG.match(context["language"])
    for activities in context["contextActivities"].values():
        assert isinstance(activities, list)
        for activity in activities:
            check_activity(activity)
    result = data.get("result", {})
    if "duration" in result:
        assert ISO_DURATION.match(result["duration"]), result["duration"]
    score = result.get("score", {})
    if "scaled" in score:
        assert -1 <= score["scaled"] <= 1
    if {"raw", "min", "max"} <= set(score):
        assert score["min"] <= score["raw"] <= score["max"]
    for key in result.get("extensions", {}):
        assert IRI.match(key)
    json.dumps(data)  # plain JSON, nothing Python-specific left in it


def stored(statement_id):
    return LearningStatement.objects.get(statement_id=statement_id)


def test_a_viewed_lesson_exports_as_a_valid_statement(learner, course):
    lesson = course.lessons[0]
    event = statement(learner, lesson, duration_seconds=95.5)
    record(event)

    data = to_xapi(stored(event.id))

    check_statement(data)
    assert data["id"] == str(event.id)
    assert data["verb"] == {"id": Verb.EXPERIENCED, "display": {"en": "experienced"}}
    assert data["object"]["id"] == activity_iri(lesson.translation_key)
    assert data["object"]["definition"]["name"] == {"en": "Lesson 1.1"}
    assert data["result"] == {"duration": "PT95.5S"}
    assert parse_duration(data["result"]["duration"]) == 95.5
    assert data["context"]["language"] == "en"
    parent = data["context"]["contextActivities"]["parent"]
    assert parent[0]["id"] == course_iri(course.page.translation_key)
    assert parent[0]["definition"]["name"] == {"en": "Listening well"}


def test_the_actor_is_a_stable_pseudonym_never_the_email_or_user_name(learner, course):
    first, second = statement(learner, course.lessons[0]), statement(learner, course.lessons[0])
    record(first)
    record(second)
    other = make_user("other")
    enrol(other, course.page)
    theirs = statement(other, course.lessons[0])
    record(theirs)

    actor = to_xapi(stored(first.id))["actor"]

    account = actor["account"]
    assert account == {"homePage": "http://testserver", "name": account["name"]}
    assert to_xapi(stored(second.id))["actor"] == actor
    assert account["name"] == str(LearnerPseudonym.objects.get(user=learner).pseudonym)
    assert to_xapi(stored(theirs.id))["actor"]["account"]["name"] != account["name"]
    text = json.dumps(to_xapi(stored(first.id)))
    assert learner.email not in text and "sigrid" not in text


def test_a_scored_answer_keeps_score_success_and_parent_lesson(learner, course):
    check = course.check_lesson.activity_ids("knowledge_check")[0]
    event = statement(
        learner,
        course.check_lesson,
        verb=Verb.ANSWERED,
        activity=check,
        score_scaled=0.75,
        score_raw=3,
        score_min=0,
        score_max=4,
        success=True,
        completion=True,
        duration_seconds=61,
    )
    record(event)

    data = to_xapi(stored(event.id))

    check_statement(data)
    assert data["object"]["id"] == activity_iri(course.check_lesson.translation_key, check)
    assert data["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment"
    assert data["result"] == {
        "score": {"scaled": 0.75, "raw": 3, "min": 0, "max": 4},
        "success": True,
        "completion": True,
        "duration": "PT61S",
    }
    activities = data["context"]["contextActivities"]
    assert activities["parent"][0]["id"] == activity_iri(course.check_lesson.translation_key)
    assert activities["grouping"][0]["id"] == course_iri(course.page.translation_key)


def test_a_teacher_who_vouched_is_the_authority_under_their_own_pseudonym(learner, course):
    teacher = make_user("teacher")
    event = statement(learner, course.lessons[0], verb=Verb.COMPLETED)
    event = type(event)(**{**event.__dict__, "authority_id": teacher.pk})
    record(event)

    data = to_xapi(stored(event.id))

    check_statement(data)
    assert data["authority"]["account"]["name"] == str(LearnerPseudonym.objects.get(user=teacher).pseudonym)
    assert data["authority"] != data["actor"]


def test_without_a_teacher_the_site_is_the_authority(learner, course):
    event = statement(learner, course.lessons[0])
    record(event)

    assert to_xapi(stored(event.id))["authority"]["account"]["name"] == "nordpeer"


def test_extensions_that_are_not_iris_stay_out(learner, course):
    event = statement(
        learner,
        course.lessons[0],
        extensions={"https://w3id.org/xapi/video/extensions/progress": 0.5, "nonsense key": 1},
    )
    record(event)

    data = to_xapi(stored(event.id))

    check_statement(data)
    assert data["result"]["extensions"] == {"https://w3id.org/xapi/video/extensions/progress": 0.5}


def test_the_export_reads_back_through_the_sites_own_xapi_reader(learner, course):
    check = course.check_lesson.activity_ids("knowledge_check")[0]
    event = statement(
        learner,
        course.check_lesson,
        verb=Verb.PASSED,
        activity=check,
        at=timezone.now() - timedelta(hours=1),
        score_scaled=1.0,
        success=True,
        duration_seconds=12.25,
    )
    record(event)

    again = from_xapi(to_xapi(stored(event.id)), user_id=learner.pk)

    assert (again.id, again.verb, again.lesson_key, again.activity) == (
        event.id,
        event.verb,
        event.lesson_key,
        event.activity,
    )
    assert again.result.score_scaled == 1.0 and again.result.duration_seconds == 12.25
    assert abs((again.timestamp - event.timestamp).total_seconds()) < 0.001


def test_exporting_many_statements_takes_a_handful_of_queries(learner, course, django_assert_max_num_queries):
    for number in range(30):
        user = learner if number % 2 else make_user(f"learner{number}")
        record(statement(user, course.lessons[0]))

    with django_assert_max_num_queries(8):
        exported = export_statements(LearningStatement.objects.all())

    assert len(exported) == 30
    for data in exported:
        check_statement(data)
