"""Reading SCORM commits and building a SCO's start data (lms.scorm_cmi), without a database."""

from __future__ import annotations

import json

import pytest

from lms.scorm_cmi import (
    CommitError,
    format_duration_2004,
    format_timespan_12,
    initial_cmi,
    parse_duration_2004,
    parse_timespan_12,
    read_commit_body,
    read_facts,
)
from tests.scorm_factories import cmi12, cmi2004

LIMIT = 64 * 1024


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0000:00:00", 0), ("00:01:30", 90), ("0001:02:03.45", 3723.45), ("9999:59:59.99", 35999999.99)],
)
def test_scorm_12_timespans(text, seconds):
    assert parse_timespan_12(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("PT0S", 0), ("PT1M30S", 90), ("PT1H2M3.45S", 3723.45), ("P1DT1S", 86401), ("PT0H0M5.5S", 5.5)],
)
def test_scorm_2004_time_intervals(text, seconds):
    assert parse_duration_2004(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "1:00", "00:00:00.123", "abc", "00:60"])
def test_a_bad_scorm_12_time_is_refused(text):
    with pytest.raises(CommitError):
        parse_timespan_12(text)


@pytest.mark.parametrize("text", ["P", "PT", "1H", "PT1H2", "P1DT"])
def test_a_bad_scorm_2004_time_is_refused(text):
    with pytest.raises(CommitError):
        parse_duration_2004(text)


@pytest.mark.parametrize("seconds", [0, 0.01, 59.99, 90, 3723.45, 100000.5])
def test_total_times_survive_the_round_trip(seconds):
    assert parse_timespan_12(format_timespan_12(seconds)) == pytest.approx(seconds)
    assert parse_duration_2004(format_duration_2004(seconds)) == pytest.approx(seconds)
    assert format_timespan_12(3723.45) == "0001:02:03.45"
    assert format_duration_2004(3723.45) == "PT1H2M3.45S"


def test_the_json_shape_scorm_again_sends():
    cmi = read_commit_body(json.dumps({"cmi": cmi12(status="passed")}).encode(), LIMIT)
    assert cmi["core"]["lesson_status"] == "passed"


def test_the_flattened_shape_and_the_commit_object_are_read_too():
    flat = {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "80", "commitSequence": 3}
    assert read_commit_body(json.dumps(flat).encode(), LIMIT) == {
        "core": {"lesson_status": "passed", "score": {"raw": "80"}}
    }
    wrapped = {"successStatus": "passed", "runtimeData": {"cmi": {"location": "4"}}, "totalTimeSeconds": 5}
    assert read_commit_body(json.dumps(wrapped).encode(), LIMIT) == {"location": "4"}


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"not json", 400, "JSON"),
        (b"\xff\xfe", 400, "JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (b'{"core": {}}', 400, "cmi"),
        (b'{"cmi": "passed"}', 400, "cmi"),
        (b"[" * 5000 + b"]" * 5000, 400, "JSON"),
        (b'{"cmi": {"core": {"score": {"raw": NaN}}}}', 400, "JSON"),
        (b'{"cmi": {"suspend_data": "a\\u0000b"}}', 400, "NUL"),
        (b'{"cmi": {"x": "' + b"a" * LIMIT + b'"}}', 413, "too large"),
    ],
)
def test_bad_bodies_are_refused_with_a_reason(body, status, words):
    with pytest.raises(CommitError) as refused:
        read_commit_body(body, LIMIT)
    assert refused.value.status == status
    assert words in str(refused.value)


def test_scorm_12_facts():
    facts = read_facts("1.2", cmi12(status="passed", location="14", raw=80, session_time="0000:02:05.50"))
    assert (facts.completion, facts.success) == ("completed", "passed")
    assert facts.score_scaled == pytest.approx(0.8)
    assert (facts.score_raw, facts.score_min, facts.score_max) == (80, 0, 100)
    assert facts.location == "14"
    assert facts.session_seconds == pytest.approx(125.5)
    failed = read_facts("1.2", cmi12(status="failed", raw=40))
    assert (failed.completion, failed.success, failed.score_scaled) == (
        "completed",
        "failed",
        pytest.approx(0.4),
    )
    browsing = read_facts("1.2", cmi12(status="browsed"))
    assert (browsing.completion, browsing.success, browsing.score_scaled) == ("incomplete", "unknown", None)


def test_scorm_2004_facts():
    facts = read_facts(
        "2004", cmi2004("completed", "passed", location="14", scaled=0.8, session_time="PT2M5.5S")
    )
    assert (facts.completion, facts.success, facts.score_scaled) == ("completed", "passed", 0.8)
    assert facts.session_seconds == pytest.approx(125.5)
    raw_only = cmi2004("completed", "failed")
    raw_only["score"] = {"raw": "30", "min": "0", "max": "60"}
    assert read_facts("2004", raw_only).score_scaled == pytest.approx(0.5)


@pytest.mark.parametrize(
    "change",
    [
        {"completion_status": "done"},
        {"score": {"scaled": "2"}},
        {"session_time": "2 minutes"},
        {"location": "x" * 1001},
        {"suspend_data": "x" * 64001},
    ],
)
def test_bad_values_are_refused(change):
    with pytest.raises(CommitError):
        read_facts("2004", {**cmi2004(), **change})


def test_start_data_for_scorm_12_resumes_where_the_learner_left():
    stored = cmi12(status="incomplete", location="7", suspend_data="page=7", raw=50)
    data = initial_cmi(
        "1.2",
        learner_id="abc",
        learner_name="Nordmann, Kari",
        stored=stored,
        entry="resume",
        total_seconds=125.5,
        mastery_score=70,
    )
    core = data["cmi"]["core"]
    assert core["entry"] == "resume"
    assert core["lesson_location"] == "7"
    assert core["lesson_status"] == "incomplete"
    assert core["total_time"] == "0000:02:05.50"
    assert core["student_id"] == "abc" and core["student_name"] == "Nordmann, Kari"
    assert core["score"] == {"raw": "50", "min": "0", "max": "100"}
    assert data["cmi"]["suspend_data"] == "page=7"
    assert data["cmi"]["student_data"]["mastery_score"] == "70"


def test_start_data_for_scorm_2004():
    stored = cmi2004("incomplete", location="3", suspend_data="s")
    data = initial_cmi(
        "2004", learner_id="abc", learner_name="Kari", stored=stored, entry="resume", total_seconds=90,
        mastery_score=0.8,
    )  # fmt: skip
    cmi = data["cmi"]
    assert (cmi["entry"], cmi["location"], cmi["suspend_data"]) == ("resume", "3", "s")
    assert cmi["completion_status"] == "incomplete" and cmi["success_status"] == "unknown"
    assert cmi["total_time"] == "PT0H1M30.00S"
    assert cmi["scaled_passing_score"] == "0.8"
    fresh = initial_cmi(
        "2004", learner_id="a", learner_name="K", stored={}, entry="ab-initio", total_seconds=0
    )
    assert fresh["cmi"]["entry"] == "ab-initio" and fresh["cmi"]["location"] == ""
    assert fresh["cmi"]["completion_status"] == "unknown"
