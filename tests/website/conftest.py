"""Fixtures of the site's tests."""

import pytest
from django.core.cache import caches


@pytest.fixture
def cache_on(settings):
    """The page cache as in production (it is off in the rest of the suite), empty."""
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()
