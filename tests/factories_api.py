"""Builders for the LMS API tests: xAPI statement bodies and authenticated clients."""

from __future__ import annotations

import json
import uuid

from django.test import Client
from wagtail.models import APIToken

from lms.statements import PROGRESS_EXTENSION, Verb, activity_iri

STATEMENTS_URL = "/api/lms/statements"
#: A well-formed CSRF secret, set as cookie and header alike.
CSRF_TOKEN = "a" * 32


def xapi(lesson, verb: str = Verb.EXPERIENCED, activity: str = "lesson", statement_id=None, **extra) -> dict:
    data = {
        "id": str(statement_id or uuid.uuid4()),
        "actor": {"mbox": "mailto:ignored@example.org"},
        "verb": {"id": verb},
        "object": {"id": activity_iri(lesson.translation_key, activity)},
    }
    data.update(extra)
    return data


def watched(lesson, video_activity: str, share: float, **extra) -> dict:
    return xapi(
        lesson, Verb.PROGRESSED, video_activity, result={"extensions": {PROGRESS_EXTENSION: share}}, **extra
    )


def post_json(client: Client, body, url: str = STATEMENTS_URL, **headers):
    content = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, content, content_type="application/json", **headers)


def session_client(user, *, enforce_csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(user)
    return client


def token_for(user, name: str = "Integration") -> str:
    _token, secret = APIToken.create_token(user=user, name=name)
    return secret


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
