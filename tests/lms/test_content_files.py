"""/content/s/<session>/files/<path>: a package's files, for the learner the grant was made for, and only
them."""

from __future__ import annotations

import json

import pytest
from django.core import signing
from django.test import override_settings

from lms.content.access import SESSION_SALT, ContentGrant
from lms.models import Enrolment, PackageStatus
from tests.content_factories import (
    H5P_TEST,
    SessionClient,
    fake_package,
    grant_token,
    ingest,
    interactive_lesson,
)
from tests.factories import make_user
from tests.lms_factories import enrol


@pytest.fixture
def package(db):
    return ingest(H5P_TEST, title="True or false?")


@pytest.fixture
def lesson(course, package):
    return interactive_lesson(course.modules[0], package)


@pytest.fixture
def token(learner, lesson, package):
    return grant_token(learner, lesson, package)


def file_url(token: str, path: str) -> str:
    return f"/content/s/{token}/files/{path}"


def test_a_package_file_is_served_with_its_type_and_isolation_headers(token, package):
    response = SessionClient().get(file_url(token, "h5p.json"))
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == "H5P.TrueFalse"
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"].startswith("private")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "X-Frame-Options" not in response
    assert "Set-Cookie" not in response


def test_a_package_file_costs_one_query_the_learner_with_their_enrolment(
    token, package, django_assert_num_queries
):
    client = SessionClient()
    assert client.get(f"/content/s/{token}/files/h5p.json").status_code == 200
    with django_assert_num_queries(1):
        assert client.get(f"/content/s/{token}/files/h5p.json").status_code == 200


def test_library_files_have_their_types(token, package):
    library = next(name for name in package.manifest["libraries"] if name.startswith("H5P.TrueFalse"))
    client = SessionClient()
    script = client.get(file_url(token, f"{library}/library.json"))
    assert script.status_code == 200 and script["Content-Type"] == "application/json"
    library_json = json.loads(b"".join(script.streaming_content))
    js = client.get(file_url(token, f"{library}/{library_json['preloadedJs'][0]['path']}"))
    css = client.get(file_url(token, f"{library}/{library_json['preloadedCss'][0]['path']}"))
    assert js["Content-Type"] == "text/javascript"
    assert css["Content-Type"] == "text/css"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("icon.svg", "image/svg+xml"),
        ("font.woff2", "font/woff2"),
        ("clip.mp4", "video/mp4"),
        ("clip.webm", "video/webm"),
        ("sound.mp3", "audio/mpeg"),
        ("captions.vtt", "text/vtt; charset=utf-8"),
        ("photo.JPG", "image/jpeg"),
        ("data.bin", "application/octet-stream"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_types_come_from_an_explicit_list(learner, course, path, expected):
    package = fake_package("Files", "en", files={path: b"x"})
    lesson = interactive_lesson(course.modules[0], package)
    response = SessionClient().get(file_url(grant_token(learner, lesson, package), path))
    assert response.status_code == 200
    assert response["Content-Type"] == expected


def test_a_range_is_answered_with_those_bytes(learner, course):
    package = fake_package("Video", "en", files={"clip.mp4": bytes(range(100))})
    lesson = interactive_lesson(course.modules[0], package)
    url = file_url(grant_token(learner, lesson, package), "clip.mp4")
    response = SessionClient().get(url, HTTP_RANGE="bytes=10-19")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == bytes(range(10, 20))
    assert response["Content-Range"] == "bytes 10-19/100"
    assert SessionClient().get(url, HTTP_RANGE="bytes=200-").status_code == 416


@pytest.mark.parametrize(
    "path",
    [
        "../h5p.json",
        "content/../../h5p.json",
        "%2e%2e/%2e%2e/%2e%2e/settings.py",
        "content/%2E%2E/%2e%2e/h5p.json",
        "..%2fh5p.json",
        "%2fetc/passwd",
        "/etc/passwd",
        "content//content.json",
        "./h5p.json",
        "content%5c..%5c..%5ch5p.json",
        "C:/Windows/win.ini",
    ],
)
def test_paths_that_leave_the_package_or_are_not_plain_are_refused(token, path):
    response = SessionClient().get(f"/content/s/{token}/files/{path}")
    assert response.status_code == 404


def test_another_package_of_the_same_learner_cannot_be_reached_by_path(learner, course, token, package):
    other = fake_package("Secret", "en", files={"secret.txt": b"not yours"})
    interactive_lesson(course.modules[1], other, title="Other")
    path = f"../../{other.uuid}/{other.revision}/secret.txt"
    assert SessionClient().get(file_url(token, path)).status_code == 404


@pytest.mark.parametrize("path", ["content", "content/", "", "H5P.TrueFalse-1.6"])
def test_folders_are_not_listed(token, path):
    assert SessionClient().get(file_url(token, path)).status_code == 404


def test_a_file_that_is_not_there_is_a_404(token):
    assert SessionClient().get(file_url(token, "nothing-here.js")).status_code == 404


def test_a_learner_whose_enrolment_is_gone_is_refused(token, learner):
    Enrolment.objects.filter(user=learner).delete()
    response = SessionClient().get(file_url(token, "h5p.json"))
    assert response.status_code == 403
    assert "no longer have access" in response.content.decode()


def test_signing_in_is_not_enough_without_enrolment(course, lesson, package):
    outsider = make_user("outsider")
    client = SessionClient()
    client.force_login(outsider)
    response = client.get(file_url(grant_token(outsider, lesson, package), "h5p.json"))
    assert response.status_code == 403


def test_a_forged_token_is_refused(learner, lesson, package):
    payload = [learner.pk, lesson.translation_key.hex, "interactive:x", package.uuid.hex, "nonce"]
    forged = signing.dumps(payload, key="not-the-key", salt=SESSION_SALT, compress=True)
    assert SessionClient().get(file_url(forged, "h5p.json")).status_code == 403
    assert SessionClient().get(file_url("garbage", "h5p.json")).status_code == 403


def test_an_expired_token_is_refused(token):
    with override_settings(LMS_CONTENT_GRANT_MAX_AGE=-1):
        response = SessionClient().get(file_url(token, "h5p.json"))
    assert response.status_code == 403
    assert "expired" in response.content.decode()


def test_a_grant_for_a_package_the_block_did_not_choose_is_refused(learner, lesson):
    stranger = fake_package("Unrelated", "en")
    token = ContentGrant(learner.pk, lesson.translation_key, "interactive:x", stranger.uuid).sign()
    assert SessionClient().get(file_url(token, "h5p.json")).status_code == 403
    block_token = grant_token(learner, lesson, stranger)
    assert SessionClient().get(file_url(block_token, "h5p.json")).status_code == 403


def test_a_package_that_is_no_longer_ready_is_refused(token, package):
    package.status, package.live_revision = PackageStatus.REFUSED, None
    package.save()
    assert SessionClient().get(file_url(token, "h5p.json")).status_code == 403


def test_a_grant_works_for_its_learner_only_through_the_token(course, lesson, package, learner):
    other = make_user("other")
    enrol(other, course.page)
    token = grant_token(other, lesson, package)
    Enrolment.objects.filter(user=other).delete()
    # The learner's own session does not lend the other learner's token any access.
    client = SessionClient()
    client.force_login(learner)
    assert client.get(file_url(token, "h5p.json")).status_code == 403
