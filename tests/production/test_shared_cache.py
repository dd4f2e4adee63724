"""REDIS_URL makes the default cache Redis, shared by every process: a glossary change reaches them all."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from wagtail.models import Locale

from search import glossary
from tests.production.redis_server import redis_cache, redis_server  # noqa: F401 -- the fixture
from website.models import GlossaryTerm
from website.settings.environment import read_environment
from website.settings.services import shared_cache

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]

#: Another process with the settings an operator runs (development's, which set no CACHES of their
#: own): which glossary version does its default cache hold? Each process keeps the concepts it
#: analysed under that version and loads them again when it changes or is gone. A cache needs only
#: the settings: no django.setup(), which costs an interpreter a second and a half of CPU.
OTHER_PROCESS = """
import json
from django.conf import settings
from django.core.cache import caches
cache = caches["default"]
print(json.dumps({{"backend": type(cache).__name__, "version": cache.get({key!r})}}))
"""


def other_process(redis_url: str) -> dict:
    env = {"DJANGO_SETTINGS_MODULE": "website.settings.dev", "REDIS_URL": redis_url, "PATH": "/usr/bin:/bin"}
    code = OTHER_PROCESS.format(key=glossary.VERSION_KEY)
    finished = subprocess.run(  # noqa: S603 -- our own interpreter
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_without_redis_url_each_process_keeps_its_own_memory_cache(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert shared_cache(read_environment()) == {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def test_redis_url_gives_djangos_redis_cache_with_short_timeouts():
    settings = redis_cache("redis://cache.internal:6379/2")
    assert settings["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert settings["LOCATION"] == "redis://cache.internal:6379/2"
    assert settings["OPTIONS"] == {"socket_connect_timeout": 2, "socket_timeout": 2}


def test_a_glossary_change_reaches_another_process_at_once(redis_server):  # noqa: F811
    key = uuid.uuid4()
    english, _created = Locale.objects.get_or_create(language_code="en")
    term = GlossaryTerm.objects.create(
        locale=english, translation_key=key, term="peer support worker", definition="A worker."
    )
    # Only the shared cache changes: the pages cache (and its generation token) stays as it was.
    with override_settings(CACHES={**settings.CACHES, "default": redis_cache(redis_server.url)}):
        assert str(key) in {concept.key for concept in glossary.concepts()}
        version = caches["default"].get(glossary.VERSION_KEY)

        seen = other_process(redis_server.url)
        assert seen["backend"] == "RedisCache"
        assert version and seen["version"] == version  # the other process reads this one's version

        term.other_terms = "peer worker"
        term.save()  # the version is dropped from the shared cache, for every process
        assert other_process(redis_server.url)["version"] is None
        reloaded = {concept.key: concept for concept in glossary.concepts()}
        assert "peer worker" in {synonym.text for synonym in reloaded[str(key)].synonyms}
