"""Test data built once per test module, under a transaction rolled back when the module ends.

Building pages is most of what many tests cost (a course is seven pages, each saved, revised and
published: 0.3-0.5 s). A module-scoped fixture built with ``built_for_the_module`` opens its
transaction before any test's own: every test's transaction is then a savepoint inside it, so
what a test changes is undone for the next one, as before, and the data is gone after the module.
Tests get their own copies of the rows read back (``fresh``): a test that changes an object
changes its copy, not the next test's.

A module with a transactional test cannot share: that test's flush cannot run inside an open
transaction. There the fixture yields nothing and the data is built per test, as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from tests.transactional import is_transactional

T = TypeVar("T")


def module_items(request) -> list:
    """The tests of the requesting module."""
    module = request.module
    return [item for item in request.session.items if getattr(item, "module", None) is module]


def module_can_share(request) -> bool:
    """No test of the requesting module is transactional."""
    return not any(is_transactional(item) for item in module_items(request))


def built_for_the_module(request, django_db_blocker, build: Callable[[], T]) -> Iterator[T | None]:
    """The body of a module-scoped fixture: yields what ``build`` made, rolled back when the module
    ends; None (build per test) where the module cannot share."""
    if not module_can_share(request):
        yield None
        return
    cache.clear()
    kept = transaction.atomic()
    with django_db_blocker.unblock():
        kept.__enter__()
        try:
            built = build()
        except BaseException:
            kept.__exit__(*sys.exc_info())
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            kept.__exit__(None, None, None)
        cache.clear()


def fresh(page: Page) -> Page:
    """The page as stored, read again as its own type."""
    return page.specific_class.objects.get(pk=page.pk)
