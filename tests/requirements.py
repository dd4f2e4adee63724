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
