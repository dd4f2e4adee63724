"""The interactive block's pass mark reaches the H5P player, which judges a score sent without success."""

from __future__ import annotations

import pytest

from lms.blocks import InteractiveContentBlock
from tests.content_factories import H5P_TEST, SessionClient, grant_token, ingest
from tests.lms_factories import make_lesson


@pytest.fixture
def package(db):
    return ingest(H5P_TEST, title="True or false?")


def player_html(course, learner, package, block: dict) -> str:
    body = [("interactive", {"package": package, "max_attempts": 0, **block})]
    lesson = make_lesson(course.modules[0], "Try it", body=body, completion_rule="interactive_passed")
    response = SessionClient().get(f"/content/s/{grant_token(learner, lesson, package)}/h5p/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("block", "share"), [({"pass_mark": 60}, "0.6"), ({}, "1"), ({"pass_mark": None}, "1")]
)
def test_the_player_gets_the_blocks_pass_mark_as_a_share(course, learner, package, block, share):
    assert f'data-pass-mark="{share}"' in player_html(course, learner, package, block)


def test_the_pass_mark_is_a_per_cent_from_1_to_100(package):
    block = InteractiveContentBlock()
    assert block.child_blocks["pass_mark"].field.min_value == 1
    assert block.child_blocks["pass_mark"].field.max_value == 100
    assert block.to_python({"package": package.pk, "max_attempts": 0})["pass_mark"] == 100
