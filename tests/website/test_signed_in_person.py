"""A signed-in request reads its person with the backend's compiled query: Django's answers."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_user
from website.permission_backend import OneQueryModelBackend

pytestmark = pytest.mark.django_db


def test_the_person_is_read_whole_in_one_query():
    person = make_user("kari")
    get_user_model().objects.filter(pk=person.pk).update(first_name="Kari", last_name="Nordmann")
    with CaptureQueriesContext(connection) as queries:
        found = OneQueryModelBackend().get_user(str(person.pk))  # as the session stores it
        assert (found.pk, found.username, found.get_full_name(), found.is_staff) == (
            person.pk,
            "kari",
            "Kari Nordmann",
            False,
        )
        assert found.get_deferred_fields() == set()
    assert len(queries) == 1


@pytest.mark.parametrize("user_id", ["999999", "", "not-a-number", None, str(2**31), str(2**70), "-1"])
def test_no_such_person_is_nobody(user_id):
    assert OneQueryModelBackend().get_user(user_id) is None


def test_a_deactivated_person_is_signed_out_on_their_next_request(client, home):
    person = make_user("leaving")
    client.force_login(person, backend="website.permission_backend.OneQueryModelBackend")
    assert client.get("/en/").wsgi_request.user == person

    get_user_model().objects.filter(pk=person.pk).update(is_active=False)
    assert client.get("/en/").wsgi_request.user.is_anonymous
