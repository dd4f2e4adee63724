"""Links in e-mails go to BASE_URL, whatever host and scheme the request that sent them came in by."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories import make_user
from tests.lms_factories import make_cohort, make_course

SITE = "https://nordpeer.example"
#: An allowed host the request names, as an internal name behind a proxy would be.
INTERNAL = "10.0.0.7:8000"


@pytest.fixture
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = SITE
    settings.ALLOWED_HOSTS = ["*"]
    return SITE


def the_link(message) -> str:
    [line] = [line for line in message.body.splitlines() if "://" in line]
    return line.strip()


def test_the_password_link_goes_to_base_url(client, site, base_url):
    make_user("kari")
    with translation.override("en"):
        url = reverse("password_reset")
    response = client.post(url, {"email": "kari@example.org"}, HTTP_HOST=INTERNAL)
    assert response.status_code == 302
    [message] = mail.outbox
    assert the_link(message).startswith(f"{SITE}/en/account/password/reset/"), message.body
    assert INTERNAL not in message.body


def test_an_invitation_from_the_admin_goes_to_base_url(
    client, home, base_url, django_capture_on_commit_callbacks
):
    course = make_course(home, "Starting out", modules=1, lessons_per_module=1)
    cohort = make_cohort("Autumn", [course.page])
    client.force_login(make_user("admin", superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("lms_cohorts:invite", args=[cohort.pk]),
            {"email": "new@example.org", "name": "New Person", "language": ""},
            HTTP_HOST=INTERNAL,
        )
    assert response.status_code == 302, response.content[:500]
    [message] = mail.outbox
    assert f"{SITE}/" in message.body and INTERNAL not in message.body, message.body
