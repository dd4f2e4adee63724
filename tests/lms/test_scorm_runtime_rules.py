"""The SCORM run-time rules the LMS applies itself: statuses a SCO leaves unset, assets, manifest data."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from lms import scorm_lms_rules, scorm_runtime
from lms.models import LessonProgress, ScormItemState
from tests.content_factories import SessionClient, grant_token, ingest
from tests.factories_packages import make_zip, shared_package
from tests.scorm_factories import (
    cmi12,
    cmi2004,
    commit_url,
    multi_sco_package,
    open_attempt,
    post_commit,
    sco_page,
    scorm_lesson,
)

MINIMUM_CALLS = "scorm2004-runtime-minimum-calls.zip"
ONE_FILE_PER_SCO = "scorm2004-one-file-per-sco.zip"
REMEDIATION = "scorm2004-sequencing-simple-remediation.zip"

ITEM_12 = {"identifier": "sco", "mastery_score": 70.0}


def test_a_12_sco_that_set_no_status_is_completed_when_it_ends():
    settled = scorm_lms_rules.settle("1.2", cmi12(status="not attempted"), {"identifier": "sco"}, final=True)
    assert settled["core"]["lesson_status"] == "completed"


def test_a_12_status_is_left_alone_before_the_session_ends():
    settled = scorm_lms_rules.settle("1.2", cmi12(status="not attempted"), ITEM_12, final=False)
    assert settled["core"]["lesson_status"] == "not attempted"


@pytest.mark.parametrize(("raw", "status"), [(70, "passed"), (69.5, "failed"), (None, "completed")])
def test_a_12_mastery_score_judges_the_raw_score(raw, status):
    settled = scorm_lms_rules.settle("1.2", cmi12(status="not attempted", raw=raw), ITEM_12, final=True)
    assert settled["core"]["lesson_status"] == status


def test_a_12_sco_in_browse_mode_is_browsed():
    cmi = cmi12(status="not attempted")
    cmi["core"]["lesson_mode"] = "browse"
    assert scorm_lms_rules.settle("1.2", cmi, ITEM_12, final=True)["core"]["lesson_status"] == "browsed"


def runtime(**values):
    base = {
        "objectives": [],
        "scaled_passing_score": None,
        "completion_threshold": None,
        "completion_set_by_content": False,
        "objective_set_by_content": False,
    }
    return {"identifier": "sco", "runtime": {**base, **values}}


def test_a_2004_sco_that_reported_nothing_is_completed_and_satisfied_when_it_ends():
    settled = scorm_lms_rules.settle("2004", cmi2004("unknown", "unknown"), runtime(), final=True)
    assert (settled["completion_status"], settled["success_status"]) == ("completed", "passed")


def test_a_2004_sco_that_sets_its_own_status_is_not_overruled():
    item = runtime(completion_set_by_content=True, objective_set_by_content=True)
    settled = scorm_lms_rules.settle("2004", cmi2004("unknown", "unknown"), item, final=True)
    assert (settled["completion_status"], settled["success_status"]) == ("unknown", "unknown")


@pytest.mark.parametrize(("scaled", "success"), [(1.0, "passed"), (0.8, "passed"), (0.79, "failed")])
def test_the_scaled_passing_score_judges_success_on_every_commit(scaled, success):
    item = runtime(scaled_passing_score=0.8, objective_set_by_content=True)
    settled = scorm_lms_rules.settle(
        "2004", cmi2004("completed", "unknown", scaled=scaled), item, final=False
    )
    assert settled["success_status"] == success


def test_the_completion_threshold_judges_completion():
    cmi = {**cmi2004("unknown", "unknown"), "progress_measure": "0.5"}
    settled = scorm_lms_rules.settle("2004", cmi, runtime(completion_threshold=0.6), final=True)
    assert settled["completion_status"] == "incomplete"
    cmi["progress_measure"] = "0.6"
    assert (
        scorm_lms_rules.settle("2004", cmi, runtime(completion_threshold=0.6), final=False)[
            "completion_status"
        ]
        == "completed"
    )


def test_the_manifests_objectives_and_scores_start_the_session_with_what_was_stored():
    item = runtime(objectives=["primary", "secondary"], scaled_passing_score=0.75, completion_threshold=0.5)
    item["runtime"].update(max_time_allowed="PT1H", time_limit_action="exit,message")
    stored = {
        "objectives": {"0": {"id": "secondary", "success_status": "passed", "score": {"scaled": "0.9"}}}
    }
    start = scorm_lms_rules.manifest_cmi({"cmi": {}}, item, stored)["cmi"]
    assert start["objectives"] == [
        {"id": "primary"},
        {"id": "secondary", "success_status": "passed", "score": {"scaled": "0.9"}},
    ]
    assert (start["scaled_passing_score"], start["completion_threshold"]) == ("0.75", "0.5")
    assert (start["max_time_allowed"], start["time_limit_action"]) == ("PT1H", "exit,message")


def test_the_manifest_reader_keeps_objectives_and_delivery_controls_of_shared_sequencing(db):
    package = ingest(shared_package(REMEDIATION), title="Remediation", language="en")
    items = {item["identifier"]: item for item in scorm_runtime.scorm_items(package)}
    test = items["test_1"]["runtime"]
    assert test["objectives"] == ["learning_objective_satisfied"]
    assert (test["completion_set_by_content"], test["objective_set_by_content"]) == (True, True)


PASSING_MANIFEST = """<?xml version="1.0"?>
<manifest identifier="m" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="i" identifierref="r"><title>Quiz</title>
      <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.9"/>
      <adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction>
      <imsss:sequencing>
        <imsss:limitConditions attemptAbsoluteDurationLimit="PT30M"/>
        <imsss:objectives>
          <imsss:primaryObjective objectiveID="quiz_passed" satisfiedByMeasure="true">
            <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
          </imsss:primaryObjective>
          <imsss:objective objectiveID="obj_2"/>
        </imsss:objectives>
      </imsss:sequencing>
    </item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="q.html">
    <file href="q.html"/></resource></resources>
</manifest>"""


def test_a_4th_edition_manifest_gives_passing_score_threshold_and_time_limits(db):
    archive = make_zip({"imsmanifest.xml": PASSING_MANIFEST, "q.html": sco_page("Quiz")})
    package = ingest(io.BytesIO(archive), title="Quiz", language="en")
    data = scorm_runtime.scorm_items(package)[0]["runtime"]
    assert data == {
        "objectives": ["quiz_passed", "obj_2"],
        "scaled_passing_score": 0.6,
        "completion_threshold": 0.9,
        "time_limit_action": "continue,no message",
        "max_time_allowed": "PT30M",
        "completion_set_by_content": False,
        "objective_set_by_content": False,
        "control_mode": {"choice": True, "flow": False},
    }


def test_a_perfect_score_against_the_manifests_passing_score_passes_the_lesson(course, learner):
    archive = make_zip({"imsmanifest.xml": PASSING_MANIFEST, "q.html": sco_page("Quiz")})
    package = ingest(io.BytesIO(archive), title="Quiz", language="en")
    lesson = scorm_lesson(course.modules[0], package, title="Quiz")
    attempt = open_attempt(learner, lesson, package)
    post_commit(commit_url(attempt), cmi2004("completed", "unknown", scaled=1.0))
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert (progress.status, progress.success) == ("completed", "passed")


def test_the_final_commit_of_a_12_sco_that_only_initialised_completes_the_lesson(course, learner):
    package = multi_sco_package()
    lesson = scorm_lesson(course.modules[0], package, rule="interactive_completed")
    attempt = open_attempt(learner, lesson, package)
    for item in ("sco_listen", "sco_share", "sco_quiz"):
        url = commit_url(attempt, item=item)
        assert post_commit(url, cmi12(status="not attempted")).status_code == 200
        assert not LessonProgress.objects.filter(user=learner, status="completed").exists()
        assert post_commit(url + "&final=true", cmi12(status="not attempted")).status_code == 200
    state = ScormItemState.objects.get(attempt=attempt, item_identifier="sco_listen")
    assert state.cmi["cmi"]["core"]["lesson_status"] == "completed"
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.status == "completed"


def test_opening_an_asset_completes_it_and_an_all_asset_package_completes(course, learner):
    package = ingest(shared_package(ONE_FILE_PER_SCO), title="One file per SCO", language="en")
    lesson = scorm_lesson(course.modules[0], package, rule="interactive_completed")
    token = grant_token(learner, lesson, package)
    items = scorm_runtime.scorm_items(package)
    assert {item["scorm_type"] for item in items} == {"asset"}
    client = SessionClient()
    player = reverse("lms_content:scorm_player", kwargs={"token": token})
    for number, item in enumerate(items, start=1):
        assert client.get(player, {"item": item["identifier"]}).status_code == 200
        done = LessonProgress.objects.filter(
            user=learner, lesson_key=lesson.translation_key, status="completed"
        ).exists()
        assert done == (number == len(items)), item["identifier"]
    client.get(player, {"item": items[0]["identifier"]})
    assert ScormItemState.objects.get(item_identifier=items[0]["identifier"]).commit_count == 1
