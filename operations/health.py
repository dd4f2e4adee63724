"""``/healthz/``: whether this process can reach what it needs, for load balancers and monitoring.

Answers ``{"checks": {"database": "ok", "cache": "ok", "worker": "ok", "search": "ok"}}`` with
200, or 503 with the failing checks' errors in place of "ok". ``worker`` is checked only where a
worker is expected (the task backend does not run tasks in the request), ``search`` only when
Elasticsearch is configured. Never cached, and it touches no session: a probe every few
seconds must not create sessions or be answered from a cache.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations import heartbeat
from operations.checks import no_worker_runs_tasks

logger = logging.getLogger(__name__)

OK = "ok"


class Unhealthy(Exception):
    pass


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key, token = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, token, 30)
    if cache.get(key) != token:
        raise Unhealthy("the cache did not return what was just stored in it")
    cache.delete(key)


def worker_expected() -> bool:
    return not no_worker_runs_tasks()


def check_worker() -> None:
    now = timezone.now()
    newest = heartbeat.newest_heartbeat()
    if newest is None:
        raise Unhealthy("no task worker is running (no heartbeat); start `manage.py db_worker`")
    if not heartbeat.live_worker_ids(now):
        seconds = int((now - newest.beat_at).total_seconds())
        raise Unhealthy(f"no live task worker: the last heartbeat was {seconds} s ago")


def search_configured() -> bool:
    return bool(settings.SEARCH_ELASTICSEARCH_URL)


def check_search() -> None:
    from search.backends import get_backend

    backend = get_backend()
    health = backend.client.options(request_timeout=3, max_retries=0).cluster.health()
    if health.get("status") == "red":
        raise Unhealthy("the Elasticsearch cluster is red")


#: name, check, whether it applies here.
CHECKS: list[tuple[str, Callable[[], None], Callable[[], bool]]] = [
    ("database", check_database, lambda: True),
    ("cache", check_cache, lambda: True),
    ("worker", check_worker, worker_expected),
    ("search", check_search, search_configured),
]


def run_checks() -> dict[str, str]:
    results = {}
    for name, check, applies in CHECKS:
        if not applies():
            continue
        try:
            check()
        except Exception as error:  # noqa: BLE001 -- any failure is the answer, not a crash of the probe
            logger.warning("Health check %s failed: %s", name, error)
            results[name] = f"{type(error).__name__}: {error}"[:300]
        else:
            results[name] = OK
    return results


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(result == OK for result in checks.values())
    return JsonResponse({"checks": checks}, status=200 if healthy else 503)
