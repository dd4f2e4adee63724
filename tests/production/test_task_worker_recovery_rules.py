"""Which work recovery takes back: tasks of dead workers (not live ones), at most three times; forgotten
packages only when a second pass still finds them without a check."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lms.models import InteractivePackage, PackageStatus
from lms.packages import check_package_task, prepare_new_upload
from operations.heartbeat import this_host
from operations.models import WorkerHeartbeat
from operations.recovery import MAX_LOST_RUNS, WORKER_LOST, PeriodicRecovery, recover
from tests.factories_packages import scorm_zip

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def database_tasks():
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def waiting_package() -> InteractivePackage:
    package = InteractivePackage(title="Course", language="en")
    prepare_new_upload(package)
    package.upload = SimpleUploadedFile("course.zip", scorm_zip())
    package.save()
    return package


def checks():
    """The package-check task rows (Wagtail enqueues reference-index tasks of its own on save)."""
    return DBTaskResult.objects.filter(task_path=check_package_task.module_path)


def worker(worker_id: str, *, seconds_ago: float = 1, pid: int | None = None) -> WorkerHeartbeat:
    beat_at = timezone.now() - timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname=this_host(),
        pid=pid or os.getppid(),
        started_at=beat_at,
        beat_at=beat_at,
    )


def running(package: InteractivePackage, worker_id: str) -> DBTaskResult:
    result = check_package_task.enqueue(package.pk, package.revision)
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim(worker_id)
    InteractivePackage.objects.filter(pk=package.pk).update(status=PackageStatus.CHECKING)
    return row


def test_a_live_workers_task_is_left_alone():
    package = waiting_package()
    worker("alive")
    row = running(package, "alive")
    assert recover().requeued == []
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.RUNNING


def test_a_task_of_a_worker_with_a_stale_heartbeat_is_failed_and_enqueued_again():
    package = waiting_package()
    worker("gone", seconds_ago=600)
    row = running(package, "gone")

    assert recover().requeued == [str(row.pk)]

    row.refresh_from_db()
    assert (row.status, row.exception_class_path) == (TaskResultStatus.FAILED, WORKER_LOST)
    again = checks().exclude(pk=row.pk).get()
    assert again.status == TaskResultStatus.READY
    assert again.args_kwargs == {"args": [package.pk, package.revision], "kwargs": {}}
    assert not WorkerHeartbeat.objects.filter(worker_id="gone").exists()
    assert recover().requeued == []  # taken once only


def test_a_check_that_kills_its_worker_again_and_again_is_refused():
    package = waiting_package()
    for attempt in range(MAX_LOST_RUNS):
        worker(f"gone-{attempt}", seconds_ago=600)
        checks().filter(status=TaskResultStatus.READY).delete()
        running(package, f"gone-{attempt}")
        found = recover()
    assert len(found.given_up) == 1
    package.refresh_from_db()
    assert package.status == PackageStatus.REFUSED
    assert "stopped the task worker several times" in package.status_message
    assert not checks().filter(status=TaskResultStatus.READY).exists()


def test_a_package_waiting_without_a_task_is_enqueued_when_a_second_pass_still_finds_it():
    package = waiting_package()  # saved, but its enqueue was lost
    passes = PeriodicRecovery()

    assert passes().packages_enqueued == []  # might be the instant between commit and enqueue
    assert not checks().exists()
    assert passes().packages_enqueued == [package.pk]
    [row] = checks()
    assert row.args_kwargs["args"] == [package.pk, package.revision]
    assert passes().packages_enqueued == []  # it has a task now


def test_a_waiting_package_with_its_task_queued_is_not_enqueued_twice():
    package = waiting_package()
    check_package_task.enqueue(package.pk, package.revision)
    passes = PeriodicRecovery()
    passes()
    assert passes().packages_enqueued == []
    assert checks().count() == 1
