"""The order a test process runs its tests in: transactional ones (the browser tests) spread
through the first half of the run, not all at its end.

pytest-django runs them last, as Django does, because their flush empties the database for
the tests after them. Last, they left each run's final minutes to tests that mostly wait (on
Chromium, on the servers they start) while the other run had finished: the cores idled. All
first, xdist handed them to one worker in its first batch. Spread, module by module between
the other modules, they wait while other tests and the PostgreSQL run beside them keep the
cores busy, and the run ends on short tests that share out evenly over the workers.

After a transactional test, the site built once per database (``django_db_setup``) is put back
from its serialised copy (0.2-0.3 s) before the next test that uses the database opens its
transaction.
"""

from __future__ import annotations

import pytest
from django.db import connections
from pytest_django.plugin import blocking_manager_key

from tests.module_data import is_transactional

_site_flushed = False


def _uses_database(item) -> bool:
    return bool(item.get_closest_marker("django_db")) or "db" in getattr(item, "fixturenames", ())


def _by_module(items: list) -> list[list]:
    groups: list[list] = []
    for item in items:
        if groups and groups[-1][0].path == item.path:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def spread(items: list) -> list:
    """The transactional tests' modules spread evenly between the other database tests' modules
    over the first half of those tests; tests without the database last."""
    transactional = _by_module([item for item in items if is_transactional(item)])
    rest = [item for item in items if not is_transactional(item)]
    with_database = _by_module([item for item in rest if _uses_database(item)])
    without = [item for item in rest if not _uses_database(item)]
    half = sum(map(len, with_database)) / 2
    slots, counted = [], 0  # module boundaries within the first half, by tests before them
    for index, group in enumerate(with_database):
        if counted > half:
            break
        slots.append(index)
        counted += len(group)
    placed: dict[int, list] = {}
    for number, group in enumerate(transactional):
        slot = slots[number * len(slots) // len(transactional)] if slots else 0
        placed.setdefault(slot, []).extend(group)
    ordered: list = []
    for index, group in enumerate(with_database):
        ordered += placed.pop(index, [])
        ordered += group
    for leftover in placed.values():
        ordered += leftover
    return ordered + without


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items[:] = spread(items)


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
