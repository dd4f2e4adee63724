"""Content never acts as the site: a sandbox CSP, or its own origin serving only /content/ and /static/."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from lms.content.isolation import H5P_FRAME_SCRIPT_HASH, ContentHostMiddleware
from tests.content_factories import SessionClient, fake_package, grant_token, interactive_lesson
from tests.requirements import require

SITE = "http://localhost:8000"
CONTENT = "http://content.example:8000"


@pytest.fixture
def package(db):
    return fake_package("Page", "en", files={"index.html": b"<p>hi</p>", "h5p.json": b"{}"})


@pytest.fixture
def token(learner, course, package):
    return grant_token(learner, interactive_lesson(course.modules[0], package), package)


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in policy.split("; ")}


def test_sandbox_mode_sandboxes_every_content_response(token):
    response = SessionClient().get(f"/content/s/{token}/files/index.html")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["sandbox"] == "allow-scripts allow-forms allow-popups allow-modals"
    assert "allow-same-origin" not in csp["sandbox"]
    assert csp["frame-ancestors"] == "'self'"
    assert csp["connect-src"] == "http://testserver/content/"
    assert csp["object-src"] == "'none'"


def test_sandbox_mode_refusals_are_sandboxed_too():
    response = SessionClient().get("/content/s/not-a-token/files/index.html")
    assert response.status_code == 403
    assert "sandbox" in directives(response)


@override_settings(CONTENT_ORIGIN=CONTENT, WAGTAILADMIN_BASE_URL=SITE)
def test_content_origin_mode_lets_only_the_site_frame_it(token):
    response = SessionClient().get(f"/content/s/{token}/files/index.html", HTTP_HOST="content.example:8000")
    assert response.status_code == 200
    csp = directives(response)
    assert "sandbox" not in csp
    assert csp["frame-ancestors"] == f"'self' {SITE}"
    assert csp["connect-src"] == f"{CONTENT}/content/"


@override_settings(
    CONTENT_ORIGIN=CONTENT, WAGTAILADMIN_BASE_URL=SITE, CSRF_TRUSTED_ORIGINS=["https://nordpeer.example"]
)
def test_trusted_site_origins_may_frame_content_too(token):
    response = SessionClient().get(f"/content/s/{token}/files/index.html", HTTP_HOST="content.example:8000")
    assert directives(response)["frame-ancestors"] == f"'self' {SITE} https://nordpeer.example"


@override_settings(CONTENT_ORIGIN=CONTENT)
@pytest.mark.parametrize(
    "path", ["/", "/en/", "/admin/", "/api/lms/progress", "/accounts/login/", "/media/x.png"]
)
def test_the_content_host_serves_nothing_of_the_site(db, path):
    response = SessionClient().get(path, HTTP_HOST="content.example:8000")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")
    assert "Set-Cookie" not in response


@override_settings(CONTENT_ORIGIN=CONTENT)
def test_the_content_host_serves_content(token):
    assert (
        SessionClient()
        .get(f"/content/s/{token}/files/h5p.json", HTTP_HOST="content.example:8000")
        .status_code
        == 200
    )


@override_settings(CONTENT_ORIGIN=CONTENT)
@pytest.mark.parametrize(
    ("host", "path", "passes"),
    [
        ("content.example:8000", "/static/vendor/h5p-standalone/main.bundle.js", True),
        ("content.example:8000", "/content/h5p/x/", True),
        ("content.example:8000", "/staticx", False),
        ("content.example:8000", "/", False),
        ("localhost:8000", "/static/lms/js/h5p-player.js", True),
        ("localhost:8000", "/en/", True),
        ("localhost:8000", "/content/files/x/y", False),
    ],
)
def test_the_middleware_keeps_each_host_to_its_own_paths(host, path, passes):
    middleware = ContentHostMiddleware(lambda request: HttpResponse("passed"))
    response = middleware(RequestFactory().get(path, HTTP_HOST=host))
    assert (response.content == b"passed") is passes


@override_settings(CONTENT_ORIGIN=CONTENT)
def test_the_site_does_not_serve_content_when_it_has_its_own_origin(token):
    response = SessionClient().get(f"/content/s/{token}/files/index.html", HTTP_HOST="localhost:8000")
    assert response.status_code == 404


def test_without_a_content_origin_the_site_serves_content(token):
    assert (
        SessionClient().get(f"/content/s/{token}/files/h5p.json", HTTP_HOST="localhost:8000").status_code
        == 200
    )


def test_the_allowed_inline_script_is_the_one_h5p_writes_into_its_frame():
    bundle = Path(finders.find("vendor/h5p-standalone/frame.bundle.js") or "")
    require(bundle.is_file(), "The H5P runtime in the static files", "run `make setup`")
    inline = re.search(r"<script>(H5PIntegration = [^<]*)<\\/script>", bundle.read_text()).group(1)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"'sha256-{digest}'" == H5P_FRAME_SCRIPT_HASH
