"""``manage.py task_queue``: the waiting, running and failed tasks, with each failure's error."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from operations import task_queue


def _time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else "-"


class Command(BaseCommand):
    help = "Show the task queue: waiting, running and failed tasks (with the error), and the workers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--status",
            choices=["waiting", "running", "failed"],
            action="append",
            help="Only tasks in this state (may be given more than once).",
        )
        parser.add_argument("--limit", type=int, default=50, help="At most this many tasks (default 50).")
        parser.add_argument("--errors", action="store_true", help="Print failed tasks' whole traceback.")

    def handle(self, *args, status=None, limit=50, errors=False, **options):
        names = {
            "waiting": TaskResultStatus.READY,
            "running": TaskResultStatus.RUNNING,
            "failed": TaskResultStatus.FAILED,
        }
        statuses = [names[name] for name in status] if status else None
        counts = task_queue.counts()
        self.stdout.write(
            f"Waiting {counts[TaskResultStatus.READY]}, running {counts[TaskResultStatus.RUNNING]}, "
            f"failed {counts[TaskResultStatus.FAILED]}"
        )
        for worker, alive in task_queue.workers():
            state = "alive" if alive else "NOT RESPONDING"
            self.stdout.write(
                f"Worker {worker.worker_id} on {worker.hostname} pid {worker.pid}: {state}, "
                f"last heartbeat {_time(worker.beat_at)}"
            )
        for task in task_queue.queued_tasks(statuses, limit=limit):
            when = task.started_at if task.status == TaskResultStatus.RUNNING else task.enqueued_at
            line = f"{task.status:<8} {_time(when)}  {task.task}({task.arguments})  id={task.id}"
            if task.run_after:
                line += f"  runs after {_time(task.run_after)}"
            if task.worker:
                line += f"  worker={task.worker}"
            self.stdout.write(line)
            if task.error:
                self.stdout.write(f"         error: {task.error}")
                if errors:
                    self.stdout.write(task.traceback)
