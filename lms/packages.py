"""Checking and unpacking uploaded H5P and SCORM packages: the one way a package's files come to be.

An upload is saved with status WAITING and a new revision (``prepare_new_upload``), and a
background task (``check_package_task``, django-tasks) is enqueued once the save commits
(``check_after_commit``). The task runs ``check_package``: it reads the zip's directory
and refuses anything unsafe before writing a byte (``lms.package_archive``), tells an
H5P file from a SCORM package by its contents (``lms.h5p_package``,
``lms.scorm_manifest``), and unpacks it through the storage API into
``package.folder``. The package ends READY with its manifest, or REFUSED with a message
for the editor and nothing unpacked. The upload itself is kept either way, so editors
see what they sent; it lives in the private package storage and goes with the package.

Older revisions' files stay until the new one is READY, then go. ``ingest_file`` does
all of this at once, for tests and commands.

``package.manifest`` of a READY package (paths relative to ``package.folder``):
  H5P:   {"kind": "h5p", "title", "main_library", "main_library_version", "embed_types", "libraries"}
  SCORM: {"kind": "scorm", "standard": "1.2" | "2004", "edition", "title", "items": [item, ...]},
         item = {"identifier", "title", "launch" (or None), "scorm_type", "mastery_score",
         "data_from_lms", "children": [item, ...]}; ``lms.scorm_manifest.launchable_items`` lists
         the items with a launch, depth first.
  Both: "external_origins", the other sites its files load from (``lms.package_references``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from lms.h5p_package import is_h5p, read_h5p
from lms.models import InteractivePackage, PackageStatus
from lms.models.packages import package_storage
from lms.package_archive import (
    Limits,
    PackageRefused,
    check_upload_size,
    open_archive,
    read_entries,
    remove_folder,
    write_entries,
)
from lms.package_references import external_origins
from lms.scorm_manifest import is_scorm, nested_manifest_folder, read_scorm

logger = logging.getLogger(__name__)

__all__ = [
    "PackageRefused",
    "Unpacked",
    "check_after_commit",
    "check_package",
    "check_package_task",
    "delete_package_files",
    "ingest_file",
    "prepare_new_upload",
    "refuse_stopped_check",
    "unpack",
]

#: Uploads larger than this are copied to a local temporary file (not memory) when their storage
#: cannot seek, which zip reading needs.
SPOOL_IN_MEMORY_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Unpacked:
    manifest: dict
    file_count: int
    total_bytes: int


def unpack(fileobj: BinaryIO, folder: str, limits: Limits | None = None) -> Unpacked:
    """Check the package in ``fileobj`` and unpack it into ``folder`` of the package storage.

    Raises ``PackageRefused`` (nothing written) when it is unsafe, too big, or neither a valid
    H5P file nor a valid SCORM package.
    """
    limits = limits or Limits.from_settings()
    with open_archive(fileobj, limits) as archive:
        entries = read_entries(archive, limits)
        by_path = {entry.path: entry for entry in entries}
        if is_h5p(by_path):
            manifest, to_write = read_h5p(archive, entries)
        elif is_scorm(by_path):
            manifest, to_write = read_scorm(archive, entries)
        elif nested := nested_manifest_folder(list(by_path)):
            raise PackageRefused(
                _(
                    "imsmanifest.xml is inside the folder “%(folder)s”: zip the contents of that folder, "
                    "so that imsmanifest.xml is at the top of the zip."
                )
                % {"folder": nested}
            )
        else:
            raise PackageRefused(
                _(
                    "This is neither an H5P file nor a SCORM package: there is no h5p.json or "
                    "imsmanifest.xml at the top of the zip."
                )
            )
        manifest["external_origins"] = external_origins(archive, to_write)
        total = write_entries(archive, to_write, package_storage(), folder)
    return Unpacked(manifest=manifest, file_count=len(to_write), total_bytes=total)


def prepare_new_upload(package: InteractivePackage) -> None:
    """Before saving a new or replaced upload: a new revision, waiting to be checked."""
    package.revision += 1
    package.status = PackageStatus.WAITING
    package.status_message = ""
    package.checked_at = None


def check_after_commit(package: InteractivePackage) -> None:
    """Enqueue the check of the package's current revision once the surrounding transaction commits."""
    # robust: an unreachable task queue must not fail the save; the package then stays WAITING (logged).
    transaction.on_commit(partial(check_package_task.enqueue, package.pk, package.revision), robust=True)


@task()
def check_package_task(package_id: int, revision: int) -> str:
    """The background check of one revision of one package; its resulting status."""
    package = InteractivePackage.objects.filter(pk=package_id).select_related("uploaded_by").first()
    if package is None or package.revision != revision:
        logger.info("Package %s revision %s: no longer current, not checked", package_id, revision)
        return "stale"
    with translation.override(_language_of(package.uploaded_by)):
        return check_package(package).status


def refuse_stopped_check(package_id: int, revision: int) -> InteractivePackage | None:
    """Refuse a revision whose check stopped the task worker again and again (see operations.recovery)."""
    package = InteractivePackage.objects.filter(pk=package_id).select_related("uploaded_by").first()
    if package is None or package.revision != revision:
        return package
    remove_folder(package_storage(), package.revision_folder(revision))
    with translation.override(_language_of(package.uploaded_by)):
        message = _(
            "The check of this package stopped the task worker several times, so it was not unpacked. "
            "Upload it again, or ask an administrator to look at the task queue."
        )
    return _finish(package, PackageStatus.REFUSED, message=message)


def _language_of(user) -> str:
    """Messages are stored in the language of the editor who uploaded, as their admin shows it."""
    profile = getattr(user, "wagtail_userprofile", None) if user is not None else None
    preferred = profile.get_preferred_language() if profile is not None else None
    return preferred or settings.LANGUAGE_CODE


def check_package(package: InteractivePackage) -> InteractivePackage:
    """Check and unpack the package's current revision; READY or REFUSED, saved. Also the task's body."""
    revision = package.revision
    with transaction.atomic():
        current = InteractivePackage.objects.select_for_update().get(pk=package.pk)
        if current.revision != revision or current.status not in (
            PackageStatus.WAITING,
            PackageStatus.CHECKING,
        ):
            return current
        current.status = PackageStatus.CHECKING
        current.save(update_fields=["status"])
    folder = current.revision_folder(revision)
    storage = package_storage()
    remove_folder(storage, folder)  # what an interrupted earlier check of this revision left
    logger.info("Checking package %s (%s), revision %s", current.pk, current.upload.name, revision)
    try:
        with _open_upload(current) as fileobj:
            result = unpack(fileobj, folder)
    except PackageRefused as refusal:
        logger.info("Package %s refused: %s", current.pk, refusal)
        return _finish(current, PackageStatus.REFUSED, message=str(refusal)) or current
    except Exception:
        # Not the package's fault (storage down, a bug): the editor is told to retry, the log has the cause.
        logger.exception("Package %s could not be checked", current.pk)
        remove_folder(storage, folder)
        message = _(
            "The package could not be checked because of an error on the server. Upload it again later."
        )
        return _finish(current, PackageStatus.REFUSED, message=message) or current
    finished = _finish(current, PackageStatus.READY, result=result)
    if finished is None or finished.revision != revision:
        remove_folder(storage, folder)
        return finished or current
    logger.info("Package %s ready: %s files", current.pk, result.file_count)
    return finished


def _finish(
    package: InteractivePackage, status: str, *, message: str = "", result: Unpacked | None = None
) -> InteractivePackage | None:
    with transaction.atomic():
        current = InteractivePackage.objects.select_for_update().filter(pk=package.pk).first()
        if current is None or current.revision != package.revision:
            return current  # deleted, or a newer upload came in meanwhile: this result is of no use
        current.status = status
        current.status_message = message
        current.checked_at = timezone.now()
        if result is not None:
            current.live_revision = current.revision
            current.kind = result.manifest["kind"]
            current.manifest = result.manifest
            current.file_count = result.file_count
            current.total_bytes = result.total_bytes
        # A refused replacement leaves the live revision's facts: learners keep what worked.
        current.save(
            update_fields=[
                "status",
                "status_message",
                "checked_at",
                "live_revision",
                "kind",
                "manifest",
                "file_count",
                "total_bytes",
            ]
        )
        if status == PackageStatus.READY:
            transaction.on_commit(partial(_remove_older_revisions, current.uuid, current.revision))
    return current


@contextlib.contextmanager
def _open_upload(package: InteractivePackage) -> Iterator[BinaryIO]:
    check_upload_size(package.upload.size, Limits.from_settings())
    with package.upload.open("rb") as upload:
        source = upload.file
        if hasattr(source, "seekable") and source.seekable():
            yield source
            return
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES) as copy:
            shutil.copyfileobj(source, copy)
            copy.seek(0)
            yield copy


def _remove_older_revisions(package_uuid, ready_revision: int) -> None:
    """Delete the folders of revisions before ``ready_revision``; a newer one may be unpacking now."""
    storage = package_storage()
    base = f"content/{package_uuid}/"
    try:
        revisions, _files = storage.listdir(base)
    except FileNotFoundError:
        return
    for revision in revisions:
        if not revision.isdigit() or int(revision) < ready_revision:
            remove_folder(storage, f"{base}{revision}/")


def delete_package_files(package: InteractivePackage) -> None:
    """Remove every revision's unpacked files and the upload; for a package being deleted."""
    storage = package_storage()
    remove_folder(storage, f"content/{package.uuid}/")
    if package.upload.name:
        storage.delete(package.upload.name)


@receiver(post_delete, sender=InteractivePackage, dispatch_uid="lms.packages.delete_files")
def _delete_files_with_package(sender, instance: InteractivePackage, **kwargs) -> None:
    # After commit: a delete that is rolled back (or refused) keeps its files.
    transaction.on_commit(partial(delete_package_files, instance))


def ingest_file(
    source: str | os.PathLike | BinaryIO,
    *,
    title: str,
    language: str,
    uploaded_by=None,
    translation_of: InteractivePackage | None = None,
) -> InteractivePackage:
    """Create a package from a file path or an open binary file, and check and unpack it now.

    The same steps as an upload in the admin, without the task queue; the result is READY
    or REFUSED (see ``status_message``). For tests and management commands.
    """
    package = InteractivePackage(
        title=title, language=language, uploaded_by=uploaded_by, translation_of=translation_of
    )
    prepare_new_upload(package)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        with path.open("rb") as fileobj:
            package.upload.save(path.name, File(fileobj), save=False)
    else:
        name = os.path.basename(getattr(source, "name", "") or "") or "package.zip"
        package.upload.save(name, File(source), save=False)
    package.save()
    return check_package(package)
