"""SCORM 2004 control modes: which items learners may choose, and where Continue and Previous lead."""

from __future__ import annotations

import pytest

from lms import scorm_runtime
from lms.scorm_navigation import moves_from
from tests.content_factories import SessionClient, grant_token, ingest
from tests.scorm_factories import scorm_lesson

REMEDIATION = "scorm2004-sequencing-simple-remediation.zip"


def leaf(identifier: str) -> dict:
    return {"identifier": identifier, "launch": f"{identifier}.html", "children": []}


def cluster(identifier: str, children: list, choice=True, flow=False) -> dict:
    mode = {"choice": choice, "flow": flow}
    return {"identifier": identifier, "launch": None, "children": children, "runtime": {"control_mode": mode}}


def test_without_control_modes_learners_choose_and_have_no_flow():
    manifest = {"items": [leaf("a"), leaf("b")]}
    moves = moves_from(manifest, "a")
    assert (moves.choice, moves.previous, moves.next) == (True, None, None)


def test_flow_only_gives_continue_and_previous_and_no_choice():
    manifest = {"control_mode": {"choice": False, "flow": True}, "items": [leaf("a"), leaf("b"), leaf("c")]}
    moves = moves_from(manifest, "b")
    assert moves.choice is False
    assert (moves.previous["identifier"], moves.next["identifier"]) == ("a", "c")
    assert moves_from(manifest, "a").previous is None and moves_from(manifest, "c").next is None


def test_flow_stops_at_a_cluster_that_does_not_allow_it():
    manifest = {
        "control_mode": {"choice": True, "flow": True},
        "items": [cluster("m1", [leaf("a"), leaf("b")], flow=True), cluster("m2", [leaf("c")], flow=False)],
    }
    assert moves_from(manifest, "a").next["identifier"] == "b"
    assert moves_from(manifest, "b").next is None


@pytest.mark.django_db
def test_the_remediation_sample_is_flow_only_in_the_player(course, learner, settings):
    settings.CONTENT_ORIGIN = "http://content.testserver"
    package = ingest(REMEDIATION, title="Remediation")
    lesson = scorm_lesson(course.modules[0], package, "Golf")
    first, second = scorm_runtime.scorm_items(package)[:2]
    assert moves_from(package.manifest, first["identifier"]).choice is False
    url = f"/content/s/{grant_token(learner, lesson, package)}/scorm/"
    html = (
        SessionClient(HTTP_HOST="content.testserver").get(url, {"item": first["identifier"]}).content.decode()
    )
    # scorm-again's sequencing engine decides each move; before it can tell, the control modes:
    # Continue where flow leads on, no Previous at the first item.
    assert 'data-request="continue" data-flow hidden' in html
    assert 'data-request="previous" hidden' in html
    assert f"item={second['identifier']}" in html  # where the engine's delivery of it goes
    assert 'aria-current="page"' not in html  # no choice: the contents list has no links
