"""Picking up work a dead task worker left: run by every ``db_worker`` when it starts, then every minute.

1. A task still marked RUNNING whose worker is dead (see ``operations.heartbeat``) is marked
   FAILED with ``WorkerLost`` and enqueued again, at most ``MAX_LOST_RUNS`` times in all; our
   tasks are idempotent (a package check starts by removing what an earlier run of the same
   revision left; LRS forwarding is a PUT by statement id; indexing re-reads the database).
   A package check that killed its worker that often is refused with a message instead.
2. A package WAITING for a check that has no waiting or running task (its enqueue was lost:
   the web process died between the commit and the enqueue) gets one, when a later pass still
   finds it so; one pass could see the instant between a commit and its enqueue.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lms.models import InteractivePackage, PackageStatus
from lms.packages import check_package_task, refuse_stopped_check
from operations import heartbeat

logger = logging.getLogger(__name__)

#: Runs of one task (same task, same arguments) that may end with their worker dying.
MAX_LOST_RUNS = 3


class WorkerLost(Exception):
    """The worker running a task stopped (killed, crashed, its machine went away) before it finished."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


@dataclass
class Recovery:
    """What one pass did."""

    requeued: list[str] = field(default_factory=list)
    given_up: list[str] = field(default_factory=list)
    packages_enqueued: list[int] = field(default_factory=list)
    #: Packages found without a task this pass: enqueued if the next pass still finds them so.
    forgotten: set[tuple[int, int]] = field(default_factory=set)


def _arguments(row: DBTaskResult) -> tuple[list, dict]:
    return list(row.args_kwargs.get("args", [])), dict(row.args_kwargs.get("kwargs", {}))


def requeue_lost_tasks(recovery: Recovery) -> None:
    now = timezone.now()
    live = heartbeat.live_worker_ids(now)
    for row in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        if row.worker_ids and row.worker_ids[-1] in live:
            continue
        message = (
            f"The worker {row.worker_ids[-1] if row.worker_ids else '?'} stopped while running this task "
            f"(noticed {now.isoformat()}); it was enqueued again."
        )
        with transaction.atomic():
            # Conditional: of several workers recovering at once, exactly one takes each lost task.
            taken = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=f"{WORKER_LOST}: {message}\n",
            )
            if not taken:
                continue
            arguments = _arguments(row)
            lost_runs = sum(
                1
                for earlier in DBTaskResult.objects.filter(
                    task_path=row.task_path, exception_class_path=WORKER_LOST
                ).only("args_kwargs")
                if _arguments(earlier) == arguments
            )
            if lost_runs >= MAX_LOST_RUNS:
                _give_up(row, arguments)
                recovery.given_up.append(str(row.pk))
                continue
            args, kwargs = arguments
            row.task.enqueue(*args, **kwargs)
        recovery.requeued.append(str(row.pk))
        logger.warning("Task %s (%s) lost its worker; enqueued again", row.pk, row.task_path)


def _give_up(row: DBTaskResult, arguments: tuple[list, dict]) -> None:
    logger.error(
        "Task %s (%s) stopped its worker %s times; not run again", row.pk, row.task_path, MAX_LOST_RUNS
    )
    if row.task_path == check_package_task.module_path:
        args, kwargs = arguments
        refuse_stopped_check(*args, **kwargs)


def check_forgotten_packages(recovery: Recovery, seen_before: set[tuple[int, int]]) -> None:
    pending = DBTaskResult.objects.filter(
        task_path=check_package_task.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )
    queued = {tuple(_arguments(row)[0][:2]) for row in pending}
    waiting = InteractivePackage.objects.filter(status=PackageStatus.WAITING).values_list("pk", "revision")
    for package_id, revision in waiting:
        if (package_id, revision) in queued:
            continue
        if (package_id, revision) not in seen_before:
            recovery.forgotten.add((package_id, revision))
            continue
        check_package_task.enqueue(package_id, revision)
        recovery.packages_enqueued.append(package_id)
        logger.warning("Package %s revision %s was waiting without a check; enqueued", package_id, revision)


def recover(seen_before: set[tuple[int, int]] | None = None) -> Recovery:
    """One recovery pass; pass the previous pass's ``forgotten`` as ``seen_before``."""
    recovery = Recovery()
    requeue_lost_tasks(recovery)
    check_forgotten_packages(recovery, seen_before or set())
    heartbeat.forget_dead_workers()
    return recovery


class PeriodicRecovery:
    """The recovery a worker runs every minute, remembering what the previous pass found."""

    def __init__(self) -> None:
        self.forgotten: set[tuple[int, int]] = set()

    def __call__(self) -> Recovery:
        recovery = recover(self.forgotten)
        self.forgotten = recovery.forgotten
        return recovery
