"""A person signed in before the one-query permission backend stays signed in after the upgrade."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_session_made_by_djangos_model_backend_still_signs_the_person_in(client, home):
    person = make_user("signed_in_before")
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key

    response = client.get("/en/")
    assert response.status_code == 200
    assert response.wsgi_request.user == person
