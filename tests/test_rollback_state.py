"""A ``serialized_rollback`` test starts from the site as built, whatever the test before it left."""

import threading

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, connections
from wagtail.models import Page

from tests import factories
from tests.conftest import site_structure


def _restore() -> None:
    """What Django does before each ``serialized_rollback`` test."""
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def _count_in_another_thread(model) -> int:
    counts = []

    def count():
        counts.append(model.objects.count())
        connections.close_all()

    thread = threading.Thread(target=count)
    thread.start()
    thread.join()
    return counts[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restoring_takes_back_what_a_test_committed_and_keeps_the_site():
    site = site_structure()
    homes_before = {code: page.pk for code, page in site.homes.items()}
    users_before = get_user_model().objects.count()
    factories.make_material(site.homes[settings.LANGUAGE_CODE], "Committed by the test before")
    factories.make_user("left-behind")
    assert _count_in_another_thread(get_user_model()) == users_before + 1

    _restore()

    assert not Page.objects.filter(title="Committed by the test before").exists()
    assert not get_user_model().objects.filter(username="left-behind").exists()
    # The live server's threads have their own connections: they see the restored database too.
    assert _count_in_another_thread(get_user_model()) == users_before
    assert {code: page.pk for code, page in site_structure().homes.items()} == homes_before
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal", "restoring must keep the database in WAL mode"
