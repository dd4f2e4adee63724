"""The Content-Security-Policy header of site and admin pages (the browser side: tests/e2e)."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from tests.content_factories import SessionClient, fake_package, grant_token, interactive_lesson
from tests.factories import make_user
from tests.lms_factories import enrol, make_course
from website.content_security import SiteCSPMiddleware
from website.settings.csp_sources import media_origins


def directives(response) -> dict[str, set[str]]:
    policy = response["Content-Security-Policy"]
    return {name: set(values) for name, *values in (part.split() for part in policy.split("; "))}


def test_a_site_page_gets_the_strict_policy(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["default-src"] == {"'self'"}
    assert csp["script-src"] == {"'self'"}  # no inline script on the page: no nonce either
    assert csp["style-src"] == {"'self'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["base-uri"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["img-src"] == {"'self'", "data:", "blob:"}
    assert csp["frame-src"] == {"'self'"}
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_content_origin_may_be_framed_when_set(client, home, settings):
    settings.CONTENT_ORIGIN = "https://content.nordpeer.example"
    csp = directives(client.get("/en/"))
    assert csp["frame-src"] == {"'self'", "https://content.nordpeer.example"}


def test_a_nonce_used_by_a_template_is_in_the_header():
    request = RequestFactory().get("/en/")
    middleware = SiteCSPMiddleware(lambda request: None)
    middleware.process_request(request)
    nonce = str(request.csp_nonce)  # what {{ request.csp_nonce }} writes into a page
    response = middleware.process_response(request, HttpResponse("<p>page</p>"))
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]


def test_admin_pages_allow_what_wagtail_needs_and_no_more(client, site):
    client.force_login(make_user("editor", superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    # Wagtail's date pickers and inline panels write inline scripts that vary per field.
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["style-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["object-src"] == {"'none'"} and csp["frame-ancestors"] == {"'self'"}
    assert csp["default-src"] == {"'self'"}
    assert "gravatar" not in response.content.decode()


def test_the_sign_in_page_of_the_admin_has_the_admin_policy(client, site):
    csp = directives(client.get("/admin/login/"))
    assert "'unsafe-inline'" in csp["script-src"]


@pytest.mark.django_db
def test_content_responses_keep_their_own_policy(home):
    course = make_course(home, "Content", modules=1, lessons_per_module=0)
    learner = make_user()
    enrol(learner, course.page)
    package = fake_package("Page", "en", files={"index.html": b"<p>hi</p>", "h5p.json": b"{}"})
    token = grant_token(learner, interactive_lesson(course.modules[0], package), package)
    response = SessionClient().get(f"/content/s/{token}/files/index.html")
    assert response.status_code == 200
    csp = directives(response)
    assert "sandbox" in csp  # lms.content's policy, not the site's
    assert csp["connect-src"] == {"http://testserver/content/"}


def test_media_in_s3_are_allowed_as_images_and_video():
    assert media_origins("", "") == []
    assert media_origins("https://s3.eu.example.com", "nordpeer-media") == [
        "https://s3.eu.example.com",
        "https://nordpeer-media.s3.eu.example.com",
    ]
    assert media_origins("", "nordpeer-media")[0] == "https://nordpeer-media.s3.amazonaws.com"
