"""SCORM 2004 sequencing: the manifest's activity tree for scorm-again's engine, the state the
player keeps per attempt, the rollup that decides the attempt, and the activity the page delivers."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from lms import scorm_attempt_token, scorm_runtime
from lms.models import LearningStatement, LessonProgress, ScormAttempt
from lms.statements import Verb
from tests.content_factories import SessionClient
from tests.scorm_factories import (
    attempt_session,
    ingest,
    open_attempt,
    player_url,
    scorm_lesson,
    shared_package,
)

CONTENT_HOST = "content.testserver"
REMEDIATION = "scorm2004-sequencing-simple-remediation.zip"
RANDOM_TEST = "scorm2004-sequencing-random-test.zip"
GLOBAL_PREFIX = "com.scorm.golfsamples.sequencing.simpleremediation.20043rd"
pytestmark = pytest.mark.usefixtures("content_origin")


@pytest.fixture
def content_origin():
    with override_settings(CONTENT_ORIGIN=f"http://{CONTENT_HOST}"):
        yield


def tree_of(name: str) -> dict:
    return ingest(shared_package(name), title="Golf").manifest["sequencing"]


def activities(tree: dict) -> dict[str, dict]:
    found = {tree["id"]: tree}
    for child in tree["children"]:
        found.update(activities(child))
    return found


def test_the_remediation_tree_merges_its_shared_sets_and_gives_the_sn_defaults(db):
    tree = activities(tree_of(REMEDIATION))
    root, wrapper = tree["golf_sample_default_org"], tree["content_wrapper"]
    assert (root["sequencingControls"]["choice"], root["sequencingControls"]["flow"]) == (False, True)
    assert (wrapper["sequencingControls"]["choice"], wrapper["sequencingControls"]["choiceExit"]) == (
        False,
        False,
    )
    assert wrapper["isVisible"] is False
    assert [child["id"] for child in wrapper["children"]] == [
        "playing_item",
        "etuqiette_item",
        "handicapping_item",
        "havingfun_item",
        "test_1",
        "test_2",
        "test_3",
        "test_4",
    ]
    assert [rule["action"] for rule in wrapper["sequencingRules"]["postConditionRules"]] == [
        "retry",
        "exitAll",
    ]
    assert wrapper["sequencingRules"]["postConditionRules"][0] == {
        "action": "retry",
        "conditionCombination": "any",
        "conditions": [
            {"condition": "satisfied", "operator": "not"},
            {"condition": "objectiveStatusKnown", "operator": "not"},
        ],
    }
    # Content: the shared set's skip rule, no part in rollup, reads its topic's global objective.
    playing = tree["playing_item"]
    assert playing["sequencingRules"]["preConditionRules"] == [
        {
            "action": "skip",
            "conditionCombination": "all",
            "conditions": [{"condition": "satisfied", "operator": "noOp"}],
        }
    ]
    controls = playing["sequencingControls"]
    assert (controls["objectiveMeasureWeight"], controls["rollupObjectiveSatisfied"]) == (0.0, False)
    assert (controls["completionSetByContent"], controls["objectiveSetByContent"]) == (True, True)
    assert playing["primaryObjective"]["mapInfo"] == [
        {
            "targetObjectiveID": f"{GLOBAL_PREFIX}.playing_satisfied",
            "readSatisfiedStatus": True,
            "readNormalizedMeasure": True,
            "writeSatisfiedStatus": False,
            "writeNormalizedMeasure": False,
        }
    ]
    # Tests count in rollup and write their topic's objective.
    test_1 = tree["test_1"]
    assert test_1["sequencingControls"]["objectiveMeasureWeight"] == 1.0
    assert test_1["rollupConsiderations"] == {
        "requiredForCompleted": "ifNotSkipped",
        "measureSatisfactionIfActive": True,
    }
    assert test_1["primaryObjective"]["mapInfo"][0]["writeSatisfiedStatus"] is True
    # The last test's own rules replace the shared set's rules (element by element): exitParent, no skip.
    rules = tree["test_4"]["sequencingRules"]
    assert rules["preConditionRules"] == []
    assert [rule["action"] for rule in rules["postConditionRules"]] == ["exitParent"]


def test_the_random_test_tree_carries_randomisation_limits_and_referenced_objectives(db):
    tree = activities(tree_of(RANDOM_TEST))
    post_test = tree["posttest_item"]
    controls = post_test["sequencingControls"]
    assert (controls["randomizeChildren"], controls["randomizationTiming"]) == (True, "onEachNewAttempt")
    assert (controls["selectionTiming"], controls["selectCount"]) == ("never", None)
    assert (controls["choice"], controls["flow"]) == (False, True)
    assert post_test["attemptLimit"] == 2
    disabled = post_test["sequencingRules"]["preConditionRules"][0]
    assert disabled["action"] == "disabled"
    assert disabled["conditions"][0] == {
        "condition": "satisfied",
        "operator": "not",
        "referencedObjective": "content_completed",
    }
    assert [objective["objectiveID"] for objective in post_test["objectives"]] == ["content_completed"]
    assert post_test["primaryObjective"]["objectiveID"] == "course_score"
    assert [rule["consideration"] for rule in post_test["rollupRules"]["rules"]] == ["any", "any"]
    assert tree["test_3"]["isVisible"] is False
    assert tree["test_3"]["hideLmsUi"] == ["suspendAll"]
    # Leaves without their own controlMode do not flow through children they do not have; SN default.
    assert tree["test_3"]["sequencingControls"]["flow"] is False


def test_a_package_without_sequencing_elements_keeps_the_players_own_rules(db):
    manifest = ingest(shared_package("scorm2004-runtime-minimum-calls.zip"), title="Golf").manifest
    assert "sequencing" not in manifest


@pytest.fixture
def remediation(course, learner):
    package = ingest(shared_package(REMEDIATION), title="Golf remediation")
    lesson = scorm_lesson(course.modules[0], package, title="Golf remediation")
    return package, lesson, open_attempt(learner, lesson, package)


def content_client() -> Client:
    return SessionClient(HTTP_HOST=CONTENT_HOST)


def save(attempt, body: dict | bytes):
    url = reverse(
        "lms_content:scorm_sequencing_state",
        kwargs={
            "token": attempt_session(attempt),
            "attempt_token": scorm_attempt_token.attempt_token(attempt),
        },
    )
    data = body if isinstance(body, bytes) else json.dumps(body)
    return content_client().post(url, data=data, content_type="text/plain")


ENGINE_STATE = json.dumps({"version": "1.0", "sequencing": {"currentActivity": "test_2"}})


def test_the_player_keeps_the_state_and_delivers_its_current_activity(learner, remediation):
    package, lesson, attempt = remediation
    response = save(attempt, {"state": ENGINE_STATE, "current": "test_2", "rollup": {}})
    assert response.status_code == 200 and response.json() == {"result": True, "recorded": 0}
    attempt.refresh_from_db()
    assert attempt.sequencing_state == {
        "state": ENGINE_STATE,
        "current": "test_2",
        "rollup": {"completed": False, "success": "unknown", "score": None},
    }
    # Whatever the URL asks for, the page shows what the sequencing delivered, and hands its state back.
    page = content_client().get(player_url(learner, lesson, package, item="test_4"))
    assert page.status_code == 200
    assert 'title="Etiquette Quiz"' in page.text
    # The invisible wrapper (isvisible="false") is left out of the contents, its items are not.
    assert "<span>Remediation Wrapper</span>" not in page.text and "<span>Playing Quiz</span>" in page.text
    data = json.loads(page.text.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert data["commitUrl"].endswith("?item=test_2")
    assert data["sequencing"]["state"] == ENGINE_STATE
    assert data["sequencing"]["item"] == "test_2"
    assert data["sequencing"]["tree"]["id"] == "golf_sample_default_org"
    assert set(data["sequencing"]["itemUrls"]) == {
        item["identifier"] for item in scorm_runtime.scorm_items(package)
    }


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (b"not json", 400, "The sequencing state must be JSON."),
        ({"current": "test_2"}, 400, "The sequencing state is missing."),
        ({"state": "{oops", "current": "test_2"}, 400, "The sequencing state must be JSON."),
        (
            {"state": ENGINE_STATE, "current": "content_wrapper"},
            400,
            "The sequencing state names an activity",
        ),
    ],
)
def test_a_state_that_cannot_be_kept_is_refused(remediation, body, status, error):
    _package, _lesson, attempt = remediation
    response = save(attempt, body)
    assert response.status_code == status
    assert response.json()["result"] is False and response.json()["error"].startswith(error)
    attempt.refresh_from_db()
    assert attempt.sequencing_state is None


def test_a_finished_attempt_keeps_the_state_it_finished_with(remediation, learner):
    package, lesson, attempt = remediation
    ScormAttempt.objects.filter(pk=attempt.pk).update(finished_at=timezone.now())
    response = save(attempt, {"state": ENGINE_STATE, "current": "test_2"})
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.sequencing_state is None


def test_the_rollup_of_the_root_decides_the_attempt_once(learner, remediation):
    _package, lesson, attempt = remediation
    failed = {"completed": True, "success": "failed", "score": 0.375}
    assert (
        save(attempt, {"state": ENGINE_STATE, "current": "test_2", "rollup": failed}).json()["recorded"] == 2
    )
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    # The lesson asks for a pass: completed by the rollup, but not yet done.
    assert (progress.status, progress.success) == ("in_progress", "failed")
    # The same rollup again records nothing; a pass after remediation counts over the fail.
    assert (
        save(attempt, {"state": ENGINE_STATE, "current": "test_2", "rollup": failed}).json()["recorded"] == 0
    )
    passed = {"completed": True, "success": "passed", "score": 1}
    assert save(attempt, {"state": ENGINE_STATE, "current": None, "rollup": passed}).json()["recorded"] == 1
    progress.refresh_from_db()
    assert (progress.status, progress.success, progress.best_score) == ("completed", "passed", 1.0)
    verbs = list(
        LearningStatement.objects.filter(user=learner)
        .order_by("stored", "pk")
        .values_list("verb", "score_scaled")
    )
    assert verbs == [(Verb.COMPLETED, None), (Verb.FAILED, 0.375), (Verb.PASSED, 1.0)]
    assert ScormAttempt.objects.get(pk=attempt.pk).sequencing_state["current"] is None
