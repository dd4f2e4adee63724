"""Signed-in requests read their session from a cache every process shares, never a process's own
memory: files beside the page cache without Redis, Redis with it. A sign-out in one worker ends the
session for all of them."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache.backends.filebased import FileBasedCache
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import make_user
from website.settings.environment import read_environment
from website.settings.services import session_cache

pytestmark = pytest.mark.django_db

#: The key Django's cached_db backend keeps a session under.
CACHED_DB_PREFIX = "django.contrib.sessions.cached_db"


def test_without_redis_sessions_are_files_beside_the_page_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("PAGE_CACHE_DIR", str(tmp_path / "pages"))
    chosen = session_cache(read_environment())
    assert chosen["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert chosen["LOCATION"] == str(tmp_path / "pages" / "sessions")


def test_with_redis_sessions_are_in_redis_under_their_own_prefix(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache.internal:6379/2")
    chosen = session_cache(read_environment())
    assert chosen["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert chosen["LOCATION"] == "redis://cache.internal:6379/2"
    assert chosen["KEY_PREFIX"] == "nordpeer-sessions"


def test_a_sign_out_in_one_process_ends_the_session_another_process_reads(tmp_path, home):
    folder = tmp_path / "sessions"
    files = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder)}
    # Another worker: its own cache object over the same folder, as another process has.
    other_worker = FileBasedCache(str(folder), {})
    with override_settings(CACHES={**settings.CACHES, "sessions": files}, SESSION_CACHE_ALIAS="sessions"):
        learner = make_user("learner")
        client = Client()
        client.force_login(learner)
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        assert client.get(reverse("lms:my_learning")).status_code == 200
        assert other_worker.get(f"{CACHED_DB_PREFIX}{key}")["_auth_user_id"] == str(learner.pk)

        assert client.post(reverse("logout")).status_code == 302
        assert other_worker.get(f"{CACHED_DB_PREFIX}{key}") is None
        assert not Session.objects.filter(session_key=key).exists()
        stale = Client()
        stale.cookies[settings.SESSION_COOKIE_NAME] = key
        assert stale.get(reverse("lms:my_learning")).status_code == 302  # to the sign-in page
