"""Search fixtures: a multilingual library built once per test module, indexed, rolled back after."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction

from search.indexing import reindex_all
from tests.search.corpus import build_corpus


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The library of ``tests.search.corpus``, published and indexed, for every test of one module."""
    cache.clear()
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_corpus()
        reindex_all()
        yield built
        transaction.set_rollback(True)
    cache.clear()
