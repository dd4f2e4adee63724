"""Builders for the SCORM runtime tests: golf lessons, a package of several SCOs, commits to send."""

from __future__ import annotations

import io
import json
import secrets

from django.test import Client
from django.urls import reverse

from lms import scorm_attempt_token, scorm_runtime
from lms.content.access import ContentGrant
from tests.content_factories import SessionClient, block_activity, grant_token, hold_session, ingest
from tests.factories_packages import make_zip as zip_bytes
from tests.factories_packages import shared_package
from tests.lms_factories import make_lesson

SCORM12_GOLF = "scorm12-golf-runtime-basic-calls.zip"
SCORM2004_GOLF = "scorm2004-golf-runtime-basic-calls.zip"

MULTI_SCO_MANIFEST = """<?xml version="1.0"?>
<manifest identifier="nordpeer.multi" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Peer support basics</title>
      <item identifier="part_1">
        <title>Part one</title>
        <item identifier="sco_listen" identifierref="res_listen"><title>Listening</title>
          <adlcp:masteryscore>70</adlcp:masteryscore></item>
        <item identifier="sco_share" identifierref="res_share"><title>Sharing your story</title></item>
      </item>
      <item identifier="sco_quiz" identifierref="res_quiz"><title>Quiz</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_listen" type="webcontent" adlcp:scormtype="sco" href="listen.html">
      <file href="listen.html"/></resource>
    <resource identifier="res_share" type="webcontent" adlcp:scormtype="sco" href="share.html">
      <file href="share.html"/></resource>
    <resource identifier="res_quiz" type="webcontent" adlcp:scormtype="sco" href="quiz.html">
      <file href="quiz.html"/></resource>
  </resources>
</manifest>
"""


def sco_page(title: str, script: str = "") -> bytes:
    head = f"<!doctype html><html lang='en'><title>{title}</title>"
    return f"{head}<h1>{title}</h1><script>{script}</script></html>".encode()


def multi_sco_package(title: str = "Peer support basics", language: str = "en", pages: dict | None = None):
    """A SCORM 1.2 package of three SCOs, two of them in a group, built here (no test data has one)."""
    pages = pages or {name: sco_page(name) for name in ("listen.html", "share.html", "quiz.html")}
    archive = zip_bytes({"imsmanifest.xml": MULTI_SCO_MANIFEST.encode(), **pages})
    return ingest(io.BytesIO(archive), title=title, language=language)


def golf(standard: str = "1.2", language: str = "en"):
    name = SCORM12_GOLF if standard == "1.2" else SCORM2004_GOLF
    return ingest(shared_package(name), title=f"Golf Explained (SCORM {standard})", language=language)


def scorm_lesson(
    module, package, title: str = "Golf", max_attempts: int = 0, rule: str = "interactive_passed"
):
    body = [
        ("paragraph", "<p>Play it through.</p>"),
        ("interactive", {"package": package, "max_attempts": max_attempts}),
    ]
    return make_lesson(module, title, body=body, completion_rule=rule)


def session() -> str:
    return secrets.token_hex(16)


def open_attempt(user, lesson, package):
    return scorm_runtime.current_attempt(user, lesson, block_activity(lesson), package)


def attempt_session(attempt) -> str:
    """The token of a content session for ``attempt``'s learner, lesson block and package."""
    grant = ContentGrant(attempt.user_id, attempt.lesson_key, attempt.activity, attempt.package.uuid)
    return grant.with_nonce().sign()


def commit_url(attempt, item: str | None = None, session_id: str | None = None) -> str:
    """The commit URL of ``attempt`` in a content session of its own (post with ``post_commit``)."""
    in_session = {
        "token": attempt_session(attempt),
        "attempt_token": scorm_attempt_token.attempt_token(attempt),
    }
    url = reverse("lms_content:scorm_commit", kwargs=in_session)
    query = {"session": session_id or session()}
    if item:
        query["item"] = item
    return url + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def session_cookie_header(url: str) -> str:
    """The ``Cookie`` header of the browser that holds the content session in ``url`` (raw HTTP tests)."""
    return "; ".join(
        f"{key}={morsel.coded_value}" for key, morsel in hold_session(Client(), url).cookies.items()
    )


def post_commit(url: str, cmi: dict, content_type: str = "application/json", client: Client | None = None):
    """A commit as scorm-again's json format sends it: ``{"cmi": ...}``, from the session's browser."""
    client = hold_session(client or SessionClient(), url)
    return client.post(url, data=json.dumps({"cmi": cmi}), content_type=content_type)


def cmi12(status="incomplete", location="", raw=None, session_time="", exit_="", suspend_data=""):
    score = {
        "raw": "" if raw is None else str(raw),
        "min": "0" if raw is not None else "",
        "max": "100" if raw is not None else "",
    }
    return {
        "core": {
            "student_id": "x",
            "student_name": "x",
            "lesson_location": location,
            "credit": "credit",
            "lesson_status": status,
            "entry": "",
            "lesson_mode": "normal",
            "exit": exit_,
            "session_time": session_time or "00:00:00",
            "score": score,
        },
        "suspend_data": suspend_data,
        "launch_data": "",
        "comments": "",
    }


def cmi2004(
    completion="incomplete",
    success="unknown",
    location="",
    scaled=None,
    session_time="",
    exit_="",
    suspend_data="",
):
    score = {
        "scaled": "" if scaled is None else str(scaled),
        "raw": "" if scaled is None else str(round(scaled * 100)),
        "min": "0",
        "max": "100",
    }
    return {
        "completion_status": completion,
        "success_status": success,
        "location": location,
        "score": score,
        "session_time": session_time,
        "exit": exit_,
        "suspend_data": suspend_data,
        "mode": "normal",
        "credit": "credit",
    }


def player_url(user, lesson, package, **query) -> str:
    token = grant_token(user, lesson, package)
    url = reverse("lms_content:scorm_player", kwargs={"token": token})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
