"""Builders for the interactive content tests: real packages from the test data, lessons that use them."""

from __future__ import annotations

import io
import re

from django.test import Client

from lms.content.access import SESSION_COOKIE, ContentGrant, session_proof
from lms.models import InteractivePackage, LessonPage, ModulePage, PackageStatus
from lms.models.packages import package_storage
from tests.factories_packages import shared_package
from tests.lms_factories import make_lesson

H5P_TEST = "h5p-test.h5p"
SCORM12_GOLF = "scorm12-golf-runtime-basic-calls.zip"


def ingest(source, *, title: str, language: str = "en", translation_of=None) -> InteractivePackage:
    """A package checked and unpacked by ``lms.packages.ingest_file``, as an upload would be.

    ``source`` is the name of a real package in the shared test data, or a path or file.
    """
    from lms.packages import ingest_file

    if isinstance(source, str):
        source = shared_package(source)
    package = ingest_file(source, title=title, language=language, translation_of=translation_of)
    assert package.status == PackageStatus.READY, package.status_message
    return package


def fake_package(title: str, language: str, kind: str = "h5p", translation_of=None, files=None):
    """A READY package row with a few files written straight into its folder (no archive checks)."""
    package = InteractivePackage.objects.create(
        title=title,
        language=language,
        kind=kind,
        status=PackageStatus.READY,
        live_revision=0,
        translation_of=translation_of,
        manifest={"kind": kind, "title": title},
    )
    storage = package_storage()
    for path, content in (files or {"h5p.json": b"{}"}).items():
        storage.save(package.folder + path, io.BytesIO(content))
    return package


def interactive_lesson(module: ModulePage, package: InteractivePackage, title: str = "Try it", **fields):
    """A published lesson with one interactive block for ``package``; completed by completing it."""
    fields.setdefault("completion_rule", "interactive_completed")
    body = [
        ("paragraph", "<p>Answer the question.</p>"),
        ("interactive", {"package": package, "max_attempts": 0}),
    ]
    return make_lesson(module, title, body=body, **fields)


def block_activity(lesson: LessonPage) -> str:
    [activity] = lesson.activity_ids("interactive")
    return activity


def grant_token(user, lesson: LessonPage, package: InteractivePackage, activity: str | None = None) -> str:
    """A content session's token, as opening the lesson's launch link makes it (lms.content.launch)."""
    activity = activity or block_activity(lesson)
    return ContentGrant(user.pk, lesson.translation_key, activity, package.uuid).with_nonce().sign()


def launch_path(user, lesson: LessonPage, package: InteractivePackage) -> str:
    """A fresh one-use launch link for ``user``'s frame of ``lesson``, as its page would give it."""
    from django.urls import reverse

    grant = ContentGrant(user.pk, lesson.translation_key, block_activity(lesson), package.uuid)
    return reverse("lms_content:launch", kwargs={"token": grant.launch_token()})


def hold_session(client: Client, url: str) -> Client:
    """``client`` with the cookie of the content session in ``url``, as the browser that opened it has."""
    session = re.search(r"/content/s/([^/]+)/", url)
    if session:
        client.cookies[SESSION_COOKIE] = session_proof(session.group(1))
    return client


class SessionClient(Client):
    """The browser that opened each content session it asks for: it sends that session's cookie.

    A plain ``Client`` is then someone who was given the address only.
    """

    def request(self, **request):
        hold_session(self, request.get("PATH_INFO", ""))
        return super().request(**request)
