"""The task queue as an operator sees it: waiting, running and failed tasks, with the error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from operations import heartbeat

#: The states the queue view lists, in this order (successful tasks are not news).
SHOWN = [TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED]
LABELS = {
    TaskResultStatus.READY: _("Waiting"),
    TaskResultStatus.RUNNING: _("Running"),
    TaskResultStatus.FAILED: _("Failed"),
    TaskResultStatus.SUCCESSFUL: _("Done"),
}


@dataclass(frozen=True)
class QueuedTask:
    id: str
    task: str
    status: str
    arguments: str
    enqueued_at: datetime
    #: When a waiting task may run (None: at once), or when a running one started.
    run_after: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    worker: str
    #: The exception's last line (failed tasks), e.g. "LrsError: The LRS answered 503".
    error: str
    traceback: str

    @property
    def status_label(self) -> str:
        return str(LABELS[TaskResultStatus(self.status)])


def _error(row: DBTaskResult) -> str:
    lines = [line for line in (row.traceback or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else row.exception_class_path


def _arguments(row: DBTaskResult) -> str:
    args = [repr(value) for value in row.args_kwargs.get("args", [])]
    args += [f"{key}={value!r}" for key, value in row.args_kwargs.get("kwargs", {}).items()]
    return ", ".join(args)


def describe(row: DBTaskResult, now: datetime | None = None) -> QueuedTask:
    now = now or timezone.now()
    deferred = row.run_after if row.run_after and now < row.run_after < now.replace(year=9000) else None
    return QueuedTask(
        id=str(row.id),
        task=row.task_path,
        status=row.status,
        arguments=_arguments(row),
        enqueued_at=row.enqueued_at,
        run_after=deferred,
        started_at=row.started_at,
        finished_at=row.finished_at,
        worker=row.worker_ids[-1] if row.worker_ids else "",
        error=_error(row) if row.status == TaskResultStatus.FAILED else "",
        traceback=row.traceback if row.status == TaskResultStatus.FAILED else "",
    )


def queue_rows(statuses: list[str] | None = None) -> QuerySet[DBTaskResult]:
    return DBTaskResult.objects.filter(status__in=statuses or SHOWN).order_by("status", "-enqueued_at")


def queued_tasks(statuses: list[str] | None = None, limit: int = 200) -> list[QueuedTask]:
    now = timezone.now()
    return [describe(row, now) for row in queue_rows(statuses)[:limit]]


def counts() -> dict[str, int]:
    found = {status: 0 for status in SHOWN}
    for status in SHOWN:
        found[status] = DBTaskResult.objects.filter(status=status).count()
    return found


def workers() -> list[tuple[heartbeat.WorkerHeartbeat, bool]]:
    """Every worker with a heartbeat, and whether it is alive."""
    now = timezone.now()
    return [
        (hb, heartbeat.is_alive(hb, now))
        for hb in heartbeat.WorkerHeartbeat.objects.order_by("hostname", "pid")
    ]
