"""A package check killed with its worker (SIGKILL) is checked again by the next worker, cleanly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lms.models import InteractivePackage, PackageStatus
from lms.models.packages import package_storage
from lms.packages import check_after_commit, check_package_task, prepare_new_upload
from operations.models import WorkerHeartbeat
from operations.recovery import WORKER_LOST
from tests.factories_packages import SCORM12_MANIFEST, incompressible
from tests.production.worker_process import kill, start_worker, stop, wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.postgres_only,
    # Serialised, so the flush after it puts the site back for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
#: Enough files that unpacking takes seconds: time to kill the worker in the middle of it.
EXTRA_FILES = 4000
FILE_BYTES = 16 * 1024


def big_scorm_package(path: Path) -> Path:
    """A valid SCORM 1.2 package of 4,002 files, 64 MB that do not compress."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("imsmanifest.xml", SCORM12_MANIFEST)
        archive.writestr("index.html", "<!doctype html><title>SCO</title>")
        block = incompressible(FILE_BYTES * 8)
        for number in range(EXTRA_FILES):
            start = (number % 7) * FILE_BYTES
            archive.writestr(f"media/part{number:05}.bin", block[start : start + FILE_BYTES])
    return path


def files_under(folder: str) -> list[Path]:
    root = Path(package_storage().location) / folder
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(source: Path) -> InteractivePackage:
    """What the admin's upload form does: a new revision, saved, its check enqueued after commit."""
    package = InteractivePackage(title="Big course", language="en")
    prepare_new_upload(package)
    package.upload = SimpleUploadedFile(source.name, source.read_bytes())
    package.save()
    check_after_commit(package)
    return package


@override_settings(TASKS=DATABASE_TASKS)
def test_a_check_killed_with_its_worker_ends_ready_with_no_partial_files(tmp_path):
    log = tmp_path / "worker.log"
    package = upload(big_scorm_package(tmp_path / "big-course.zip"))
    folder = package.revision_folder(package.revision)
    [queued] = DBTaskResult.objects.filter(task_path=check_package_task.module_path)
    assert queued.status == TaskResultStatus.READY  # enqueued, not run in this (the web) process

    first = start_worker(log)
    try:
        wait_for(lambda: len(files_under(folder)) >= 200, 60, "the worker to unpack some files", log)
        kill(first)
    finally:
        stop(first)
    partial = len(files_under(folder))
    package.refresh_from_db()
    assert package.status == PackageStatus.CHECKING
    assert 200 <= partial < EXTRA_FILES + 2, "killed in the middle of unpacking"
    assert DBTaskResult.objects.get(pk=queued.pk).status == TaskResultStatus.RUNNING

    second = start_worker(log)
    try:
        wait_for(
            lambda: InteractivePackage.objects.get(pk=package.pk).status != PackageStatus.CHECKING,
            120,
            "the restarted worker to check the package again",
            log,
        )
    finally:
        stop(second)

    package.refresh_from_db()
    assert package.status == PackageStatus.READY, package.status_message
    stored = files_under(folder)
    assert len(stored) == package.file_count == EXTRA_FILES + 2
    # Only the current revision's folder, and in it exactly the package's files: nothing partial.
    revisions = list((Path(package_storage().location) / f"content/{package.uuid}").iterdir())
    assert [path.name for path in revisions] == [str(package.revision)]
    assert {p.relative_to(Path(package_storage().location) / folder).as_posix() for p in stored} >= {
        "imsmanifest.xml",
        "index.html",
        "media/part03999.bin",
    }

    lost = DBTaskResult.objects.get(pk=queued.pk)
    assert lost.status == TaskResultStatus.FAILED
    assert lost.exception_class_path == WORKER_LOST
    rerun = DBTaskResult.objects.exclude(pk=queued.pk).get(task_path=check_package_task.module_path)
    assert rerun.status == TaskResultStatus.SUCCESSFUL
    assert rerun.args_kwargs["args"] == [package.pk, package.revision]
    # The killed worker's heartbeat is gone; the stopped one removed its own.
    assert not WorkerHeartbeat.objects.exists()
