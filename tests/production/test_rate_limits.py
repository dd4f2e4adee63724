"""Limits on guessing: sign-in, password reset, /verify/ and the statements API.

The limits are the ones in website/settings/base.py (test settings raise only the API and
/verify/ limits for the rest of the suite); each test here sets them back from base.
"""

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation

from lms.models import LearningStatement
from tests.factories import make_user
from tests.factories_api import post_json, session_client, xapi
from tests.lms_factories import enrol, make_course
from tests.requirements import require_redis
from website import ratelimits
from website.settings import base

LOGIN = "/en/account/login/"
REDIS_URL = "redis://127.0.0.1:6379/2"  # h2's own Redis database


@pytest.fixture(autouse=True)
def production_limits(settings):
    for name in dir(base):
        if name.startswith("RATELIMIT_"):
            setattr(settings, name, getattr(base, name))
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_eleventh_wrong_password_within_a_minute_is_refused_with_the_message(db):
    make_user("ragnhild")
    client = Client()
    for attempt in range(10):
        response = sign_in(client, "ragnhild", f"wrong{attempt}")
        assert response.status_code == 200, attempt
        assert "Please enter a correct username and password" in response.content.decode()
    response = sign_in(client, "ragnhild", "wrong-again")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Too many attempts. For your security, please wait 1 minute and try again." in page
    assert '<form method="post"' in page  # the sign-in form again, in the site's layout
    # Even the right password waits: the password is not checked while the account is blocked.
    response = sign_in(client, "ragnhild", "pw")
    assert response.status_code == 429 and not signed_in(client)


def test_the_message_is_translated(db):
    client = Client()
    for attempt in range(11):
        response = client.post("/nb/account/login/", {"username": "kari", "password": f"x{attempt}"})
    assert response.status_code == 429
    with translation.override("nb"):
        expected = ratelimits.throttled_message(60)
    assert expected in response.content.decode()
    assert "For your security" not in expected


def test_failures_across_the_end_of_a_window_still_count(db, settings):
    """A window that began with the first failure would lapse here and let the third through."""
    settings.RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT = (3, 2)
    client = Client()
    assert sign_in(client, "patient-guesser", "one").status_code == 200
    time.sleep(1.4)
    assert sign_in(client, "patient-guesser", "two").status_code == 200
    time.sleep(1.0)  # 2.4 s after the first failure, 1.0 s after the second
    assert sign_in(client, "patient-guesser", "three").status_code == 200
    assert sign_in(client, "patient-guesser", "four").status_code == 429


def test_failures_on_another_account_do_not_hold_back_a_sign_in(db):
    make_user("victim")
    make_user("learner")
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    for attempt in range(12):
        sign_in(attacker, "victim", f"guess{attempt}", REMOTE_ADDR="10.0.0.66")
    # From another address, and from the attacker's own address, the other account signs in.
    elsewhere, same_address = Client(), Client()
    assert sign_in(elsewhere, "learner", "pw", REMOTE_ADDR="10.0.0.7").status_code == 302
    assert signed_in(elsewhere)
    assert sign_in(same_address, "learner", "pw", REMOTE_ADDR="10.0.0.66").status_code == 302
    assert signed_in(same_address)


def test_one_address_trying_many_accounts_is_refused_past_its_limit(db):
    limit = base.RATELIMIT_LOGIN_FAILURES_PER_ADDRESS[0]
    client = Client()
    for attempt in range(limit):
        assert sign_in(client, f"name{attempt}", "guess").status_code == 200
    assert sign_in(client, "another-name", "guess").status_code == 429


def test_a_success_clears_the_accounts_failures(db):
    make_user("forgetful")
    client = Client()
    for attempt in range(9):
        sign_in(client, "forgetful", f"wrong{attempt}")
    assert sign_in(client, "forgetful", "pw").status_code == 302
    client.logout()
    for attempt in range(9):
        assert sign_in(client, "forgetful", f"wrong{attempt}").status_code == 200


def test_the_client_address_comes_from_the_trusted_header_only_when_configured(db, settings):
    client = Client()
    # Off by default: a forged header does not let one address spread its failures.
    for attempt in range(30):
        sign_in(client, f"n{attempt}", "x", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    assert sign_in(client, "n-last", "x", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429
    cache.clear()
    settings.RATELIMIT_CLIENT_IP_HEADER = "X-Forwarded-For"
    for attempt in range(30):
        sign_in(client, "someone", "x", HTTP_X_FORWARDED_FOR=f"198.51.100.9, 192.0.2.{attempt}")
    # Counted per proxied address (the last entry, the one our proxy wrote); a new one is free.
    response = sign_in(client, "someone-else", "x", HTTP_X_FORWARDED_FOR="198.51.100.9, 192.0.2.250")
    assert response.status_code == 200
    # Junk in the header falls back to the connection's address.
    factory_request = Client().get("/en/").wsgi_request
    factory_request.META["HTTP_X_FORWARDED_FOR"] = "not-an-address"
    assert ratelimits.client_address(factory_request) == "127.0.0.1"


def test_admin_sign_in_has_the_same_limit(db):
    make_user("editor", superuser=True)
    client = Client()
    for attempt in range(10):
        client.post("/admin/login/", {"username": "editor", "password": f"wrong{attempt}"})
    response = client.post("/admin/login/", {"username": "editor", "password": "pw"})
    assert "Too many attempts" in response.content.decode()
    assert not signed_in(client)


def test_password_reset_is_limited_per_email_address(db):
    make_user("anna")
    client = Client()
    limit = base.RATELIMIT_PASSWORD_RESETS_PER_EMAIL[0]
    for _ in range(limit):
        response = client.post("/en/account/password/reset/", {"email": "anna@example.org"})
        assert response.status_code == 302
    assert len(mail.outbox) == limit
    response = client.post("/en/account/password/reset/", {"email": "ANNA@example.org"})
    assert response.status_code == 429 and "Retry-After" in response
    assert "Too many attempts" in response.content.decode()
    assert len(mail.outbox) == limit  # nothing more sent


def test_verify_answers_429_in_the_site_layout_past_its_limit(db):
    limit = base.RATELIMIT_VERIFY_PER_ADDRESS[0]
    client = Client()
    for _ in range(limit):
        assert client.get("/verify/7KQ2M9XD4HTB/").status_code == 404
    response = client.get("/verify/7KQ2M9XD4HTB/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert 'class="site-header"' in page and "<h1>" in page
    with translation.override("sv"):
        assert ratelimits.throttled_message(60) in page
    # Another address is not affected.
    assert Client(REMOTE_ADDR="10.1.1.1").get("/verify/7KQ2M9XD4HTB/").status_code == 404


def test_statements_api_answers_429_json_with_retry_after_and_records_nothing_more(home, settings):
    course = make_course(home, "Throttled course")
    learner = make_user()
    enrol(learner, course.page)
    client = session_client(learner)
    lesson = course.lessons[0]
    assert base.RATELIMIT_STATEMENTS_PER_ACCOUNT == (1200, 60)
    # The same rule at a lower count, so the test posts 30 statements, not 1,200.
    settings.RATELIMIT_STATEMENTS_PER_ACCOUNT = (30, 60)
    limit = 30
    for _ in range(limit):
        assert post_json(client, xapi(lesson)).status_code == 200
    response = post_json(client, xapi(lesson, statement_id=uuid.uuid4()), HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["errors"] == [] and body["detail"]
    assert LearningStatement.objects.filter(user=learner).count() == limit
    # Another learner at another address goes on.
    other = make_user()
    enrol(other, course.page)
    other_client = session_client(other)
    assert post_json(other_client, xapi(lesson), REMOTE_ADDR="10.2.2.2").status_code == 200


def test_the_limit_holds_across_two_processes_sharing_redis(db):
    """Five failures in another Django process plus five here: the eleventh is refused here."""
    connection = require_redis(REDIS_URL)
    connection.flushdb()
    make_user("shared-account")
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    caches = {**settings.CACHES, "default": redis}
    script = Path(__file__).with_name("failed_sign_ins.py")
    with override_settings(CACHES=caches):
        client = Client()
        for attempt in range(5):
            assert sign_in(client, "shared-account", f"wrong{attempt}").status_code == 200
        other_process = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            [sys.executable, str(script), REDIS_URL, "shared-account", "5"],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert other_process.stdout.strip() == "0"  # none refused there: 6th to 10th failure
        response = sign_in(client, "shared-account", "pw")
        assert response.status_code == 429
        assert not signed_in(client)
        # And the other process sees the block this one will keep for a minute.
        again = subprocess.run(  # noqa: S603
            [sys.executable, str(script), REDIS_URL, "shared-account", "1"],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert again.stdout.strip() == "1"
    connection.flushdb()
