"""``manage.py lms_token <username> <name>`` prints a working token once; only its hash is stored."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import APIToken

from tests.factories import make_user


def test_the_printed_token_authenticates(db):
    make_user("integration")
    out = StringIO()
    call_command("lms_token", "integration", "LRS bridge", stdout=out, stderr=StringIO())
    secret = out.getvalue().strip()
    token = APIToken.objects.get(name="LRS bridge")
    assert secret not in (token.key_hash, token.prefix)
    response = Client().get("/api/lms/progress", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200


def test_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="no user"):
        call_command("lms_token", "nobody", "x")
    assert not APIToken.objects.exists()
