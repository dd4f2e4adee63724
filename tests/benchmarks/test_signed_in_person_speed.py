"""Reading a signed-in request's person: Django's ModelBackend against the site's compiled query.

The shared harness's sessions name Django's backend (as sessions from before the site's backend
do), so its page figures do not show this; people who sign in through the site get the site's.
"""

from __future__ import annotations

import statistics
import timeit

import pytest
from django.contrib.auth.backends import ModelBackend

from tests.factories import make_user
from website.permission_backend import OneQueryModelBackend

pytestmark = pytest.mark.django_db

READS = 2000


def microseconds_per_read(backend, user_id: str) -> float:
    backend.get_user(user_id)  # compiled, connected
    runs = timeit.repeat(lambda: backend.get_user(user_id), number=READS, repeat=7)
    return statistics.median(runs) / READS * 1e6


def test_reading_the_signed_in_person():
    user_id = str(make_user("reader").pk)
    django = microseconds_per_read(ModelBackend(), user_id)
    site = microseconds_per_read(OneQueryModelBackend(), user_id)
    ratio = site / django
    print(f"\nget_user per request: Django's {django:.0f} µs, the site's {site:.0f} µs ({ratio:.2f}×)")
    assert site < django
