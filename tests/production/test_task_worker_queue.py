"""The queue, visible: `manage.py task_queue` and Reports → Task queue show waiting, running and failed
tasks with the error; check --deploy refuses a production that would run tasks in requests."""

from __future__ import annotations

from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import Client, override_settings
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from operations.models import WorkerHeartbeat
from tests.factories import make_user

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class ExampleFailure(Exception):
    pass


@task()
def always_fails(reason: str) -> None:
    raise ExampleFailure(f"The LRS said no: {reason}")


@task()
def succeeds() -> int:
    return 1


@pytest.fixture
def queue():
    """One failed task (run by the real worker command), one waiting, one successful."""
    with override_settings(TASKS=DATABASE_TASKS):
        always_fails.enqueue("503 Service Unavailable")
        succeeds.enqueue()
        # The worker closes "old" connections between tasks; inside this test's transaction that
        # would close the test's own connection on PostgreSQL, so it is told not to here.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)
        succeeds.enqueue()  # waits: no worker runs now
        yield


def test_the_worker_command_runs_tasks_and_removes_its_heartbeat_when_done(queue):
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.READY, TaskResultStatus.SUCCESSFUL]
    assert not WorkerHeartbeat.objects.exists()


def test_the_command_lists_waiting_and_failed_tasks_with_the_error(queue):
    output = StringIO()
    call_command("task_queue", stdout=output)
    text = output.getvalue()
    assert "Waiting 1, running 0, failed 1" in text
    assert "tests.production.test_task_worker_queue.succeeds()" in text
    assert "tests.production.test_task_worker_queue.always_fails('503 Service Unavailable')" in text
    assert "ExampleFailure: The LRS said no: 503 Service Unavailable" in text
    assert "SUCCESSFUL" not in text

    failed_only = StringIO()
    call_command("task_queue", status=["failed"], errors=True, stdout=failed_only)
    assert "succeeds()" not in failed_only.getvalue()
    assert 'raise ExampleFailure(f"The LRS said no: {reason}")' in failed_only.getvalue()


def test_superusers_see_the_queue_in_the_admin(queue):
    client = Client()
    client.force_login(make_user("root", superuser=True))
    response = client.get("/admin/reports/task-queue/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The LRS said no: 503 Service Unavailable" in page
    assert "tests.production.test_task_worker_queue.succeeds()" in page
    assert "No task worker is running" in page

    failed = client.get("/admin/reports/task-queue/?status=failed").content.decode()
    assert "always_fails" in failed and "succeeds()" not in failed


def test_other_admin_users_do_not(queue):
    editors = Group.objects.create(name="Queue test editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(make_user("editor-q", groups=(editors,)))
    response = client.get("/admin/reports/task-queue/")
    assert response.status_code in (302, 403)
    assert b"The LRS said no" not in response.content


def deploy_errors() -> list[str]:
    return [
        message.id
        for message in run_checks(include_deployment_checks=True)
        if message.id.startswith("operations")
    ]


def test_check_deploy_refuses_tasks_run_in_the_request():
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ):
        assert deploy_errors() == ["operations.E001"]
    with override_settings(TASKS=DATABASE_TASKS):
        assert deploy_errors() == []
