"""Schemathesis fuzzes the LMS and search APIs in-process, as an enrolled learner with a token.

Every operation of ``/api/lms/openapi.json`` and ``/api/search/openapi.json`` gets generated
requests (valid ones and, for the LMS, ones that break the schema), sent to the WSGI app in
this process against the test database. A 5xx, a status the schema does not declare, or a
body that does not match the declared shape fails the test. Bounded in examples and time:
the whole run stays well under a minute; the figures are printed (``-s`` to see them).
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.factories_api import token_for

pytestmark = pytest.mark.postgres

#: Examples per operation and generation mode; about 400 requests in all.
EXAMPLES = 40
#: The whole fuzz run must stay below this, in seconds.
TIME_BUDGET = 60
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def load(path: str):
    return schemathesis.openapi.from_wsgi(path, get_wsgi_application())


def fuzz(schema, headers: dict, modes: tuple) -> int:
    """Send every operation ``EXAMPLES`` generated requests per mode; how many were sent."""
    sent = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in modes:

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                nonlocal sent
                sent += 1
                case.call_and_validate(headers=headers, checks=CHECKS)

            run()
    return sent


@contextmanager
def connection_kept_open():
    """As Django's test client does: a request's start or end must not close the test's transaction."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


def test_the_lms_and_search_apis_answer_every_generated_request_without_a_server_error(learner, course):
    headers = {"Authorization": f"Bearer {token_for(learner)}"}
    started = time.monotonic()
    with connection_kept_open():
        lms = fuzz(load("/api/lms/openapi.json"), headers, (GenerationMode.POSITIVE, GenerationMode.NEGATIVE))
        search = fuzz(load("/api/search/openapi.json"), {}, (GenerationMode.POSITIVE,))
    elapsed = time.monotonic() - started
    print(f"\nAPI fuzz: {lms} LMS and {search} search requests in {elapsed:.1f} s, no server error")
    assert lms >= 100 and search >= 20
    assert elapsed < TIME_BUDGET
