"""/healthz/: 200 with each check "ok"; 503 naming the failing check (Redis, worker or search down)."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings
from django.utils import timezone

from operations.heartbeat import this_host
from operations.models import WorkerHeartbeat
from tests.production.redis_server import redis_cache, redis_server  # noqa: F401 -- the fixture

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def healthz():
    response = Client().get("/healthz/")
    return response, response.json()


def heartbeat(seconds_ago: float, pid: int | None = None) -> WorkerHeartbeat:
    beat_at = timezone.now() - timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(
        worker_id=f"worker-{pid or os.getppid()}-{seconds_ago}",
        hostname=this_host(),
        pid=pid or os.getppid(),  # a process that is running (our parent), not this one
        started_at=beat_at,
        beat_at=beat_at,
    )


def test_healthy_is_200_with_each_check_ok_outside_the_language_prefix():
    response, body = healthz()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    # The test settings run tasks immediately and have no Elasticsearch: no worker or search check.
    assert body == {"checks": {"database": "ok", "cache": "ok"}}


def test_it_is_never_cached_and_starts_no_session():
    response, _body = healthz()
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_only_get_and_head():
    assert Client().post("/healthz/").status_code == 405
    assert Client().head("/healthz/").status_code == 200


@override_settings(TASKS=DATABASE_TASKS)
def test_with_a_worker_expected_a_fresh_heartbeat_is_ok():
    heartbeat(seconds_ago=5)
    response, body = healthz()
    assert response.status_code == 200
    assert body == {"checks": {"database": "ok", "cache": "ok", "worker": "ok"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_a_stale_heartbeat_is_503():
    heartbeat(seconds_ago=300)
    response, body = healthz()
    assert response.status_code == 503
    assert body["checks"]["database"] == "ok" and body["checks"]["cache"] == "ok"
    assert body["checks"]["worker"] == "Unhealthy: no live task worker: the last heartbeat was 300 s ago"


@override_settings(TASKS=DATABASE_TASKS)
def test_no_worker_at_all_is_503():
    response, body = healthz()
    assert response.status_code == 503
    assert "no task worker is running" in body["checks"]["worker"]


@override_settings(TASKS=DATABASE_TASKS)
def test_a_fresh_heartbeat_of_a_process_that_is_gone_is_503(tmp_path):
    import subprocess
    import sys

    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    heartbeat(seconds_ago=1, pid=int(finished.stdout))  # same host, process exited: the worker died
    response, body = healthz()
    assert response.status_code == 503
    assert "no live task worker" in body["checks"]["worker"]


def test_redis_stopped_is_503_naming_the_cache(redis_server):  # noqa: F811
    with override_settings(CACHES={**settings.CACHES, "default": redis_cache(redis_server.url)}):
        assert caches["default"].__class__.__name__ == "RedisCache"
        response, body = healthz()
        assert (response.status_code, body) == (200, {"checks": {"database": "ok", "cache": "ok"}})

        redis_server.stop()
        response, body = healthz()
        assert response.status_code == 503
        assert body["checks"]["database"] == "ok"
        assert body["checks"]["cache"].startswith("ConnectionError")

        redis_server.start()
        assert healthz()[0].status_code == 200


def test_search_is_checked_when_elasticsearch_is_configured():
    from search.backends import elastic

    elastic._shared.clear()
    try:
        # Port 8119 (ours) has no server: the configured engine cannot be reached.
        with override_settings(SEARCH_ELASTICSEARCH_URL="http://127.0.0.1:8119"):
            response, body = healthz()
    finally:
        elastic._shared.clear()
    assert response.status_code == 503
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["search"].startswith("ConnectionError")
