"""The order a test process runs its tests in: transactional ones (the browser tests) first.

pytest-django runs them last, as Django does, because their flush empties the database for
the tests after them. Last, they left each run's final minutes to tests that mostly wait (on
Chromium, on the servers they start) while the other run had finished: the cores idled.
First, they wait while the PostgreSQL run beside them keeps the cores busy, and the run ends
on short tests that spread evenly over the workers.

After the last transactional test a process has run, the site built once per database
(``django_db_setup``) is put back from its serialised copy, before the next test that uses
the database opens its transaction.
"""

from __future__ import annotations

import pytest
from django.db import connections
from pytest_django.plugin import blocking_manager_key

from tests.module_data import is_transactional

_site_flushed = False


def _uses_database(item) -> bool:
    return bool(item.get_closest_marker("django_db")) or "db" in getattr(item, "fixturenames", ())


def _run_order(item) -> int:
    if is_transactional(item):
        return 0
    return 1 if _uses_database(item) else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=_run_order)  # stable: within each kind, the order pytest-django left


def _put_the_site_back() -> None:
    for connection in connections.all(initialized_only=True):
        serialised = getattr(connection, "_test_serialized_contents", None)
        if serialised:
            connection.creation.deserialize_db_from_string(serialised)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    global _site_flushed
    if _site_flushed and not is_transactional(item) and _uses_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            _put_the_site_back()
        _site_flushed = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    global _site_flushed
    if is_transactional(item):
        _site_flushed = True
