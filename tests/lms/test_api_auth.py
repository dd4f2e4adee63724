"""API tokens: the token's active user, or nobody; through a secret key's rotation too."""

import pytest
from django.test import Client, RequestFactory, override_settings
from wagtail.models import APIToken

from lms.api_auth import TokenAuth, token_holder
from tests.factories import make_user
from tests.factories_api import bearer, post_json, token_for, xapi

pytestmark = pytest.mark.postgres


@pytest.mark.django_db
def test_a_live_token_is_its_users_and_reads_its_other_fields_when_asked():
    learner = make_user("learner")
    secret = token_for(learner, name="Course platform")
    token = token_holder(secret)
    assert token.user == learner and token.pk == APIToken.objects.get().pk
    assert token.name == "Course platform"  # deferred, read on first use


@pytest.mark.django_db
def test_a_revoked_token_an_inactive_user_and_a_wrong_secret_are_nobody():
    learner = make_user("learner")
    revoked = token_for(learner, name="Old")
    APIToken.objects.get(name="Old").revoke()
    assert token_holder(revoked) is None
    assert token_holder("wagtail_not-a-token") is None
    live = token_for(learner)
    learner.is_active = False
    learner.save(update_fields=["is_active"])
    assert token_holder(live) is None
    request = RequestFactory().get("/")
    assert TokenAuth().authenticate(request, live) is None
    assert not request.user.is_authenticated


@pytest.mark.django_db
def test_a_token_made_before_the_secret_key_changed_still_holds(course, learner, settings):
    secret = token_for(learner)
    with override_settings(SECRET_KEY="the-new-secret-key", SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]):
        assert token_holder(secret).user == learner
        response = post_json(Client(), xapi(course.lessons[0]), **bearer(secret))
        assert response.status_code == 200, response.content
    with override_settings(SECRET_KEY="the-new-secret-key", SECRET_KEY_FALLBACKS=[]):
        assert token_holder(secret) is None
