"""What a test needs from the machine: skipped where it is missing on a developer's machine, failed on CI.

On CI (``CI=true``) a missing PostgreSQL, shared test data, browser or tool means a broken machine,
and a skip would hide it; a developer without them still gets a green run with the reason listed.
"""

from __future__ import annotations

import os

import pytest


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def require(available: bool, what: str, how: str) -> None:
    """Go on when ``available``; else skip (developer) or fail (CI), naming what is missing and how."""
    if available:
        return
    message = f"{what} is missing: {how}"
    if on_ci():
        pytest.fail(f"{message} (CI must have it: failing instead of skipping)", pytrace=False)
    pytest.skip(message)


def require_redis(url: str):
    """A client of the Redis server at ``url``, which the test needs running (see ``require``)."""
    import redis

    connection = redis.Redis.from_url(url)
    try:
        running = bool(connection.ping())
    except redis.ConnectionError:
        running = False
    require(running, f"Redis at {url}", "the machine's redis-server should be running")
    return connection
