"""Builders for the interactive content tests: real packages from the test data, lessons that use them."""

from __future__ import annotations

import io

from lms.content.access import ContentGrant
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
    activity = activity or block_activity(lesson)
    return ContentGrant(user.pk, lesson.translation_key, activity, package.uuid).sign()
