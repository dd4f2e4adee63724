"""An SVG in a package is a picture: served so that no script in it runs, also opened directly."""

from __future__ import annotations

import io

import pytest

from tests.content_factories import SessionClient, grant_token, ingest, interactive_lesson
from tests.factories_packages import h5p_files, make_zip

SCRIPTED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    "<script>document.documentElement.setAttribute('data-ran', 'yes')</script>"
    '<rect width="10" height="10" fill="teal"/></svg>'
)


@pytest.fixture
def token(course, learner):
    archive = make_zip({**h5p_files(), "content/images/badge.svg": SCRIPTED_SVG})
    package = ingest(io.BytesIO(archive), title="With a picture")
    lesson = interactive_lesson(course.modules[0], package)
    return grant_token(learner, lesson, package)


def test_an_svg_is_served_with_a_policy_that_runs_no_script(token):
    response = SessionClient().get(f"/content/s/{token}/files/content/images/badge.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "script-src 'none'" in policy and "sandbox" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


def test_other_files_keep_the_package_policy(token):
    response = SessionClient().get(f"/content/s/{token}/files/H5P.Quiz-1.2/quiz.js")

    assert "script-src 'none'" not in response["Content-Security-Policy"]
