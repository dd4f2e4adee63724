"""``manage.py db_worker``: django-tasks-db's worker, plus a heartbeat and the recovery of lost work.

This app comes before ``django_tasks_db`` in INSTALLED_APPS, so this command is the one that runs.
"""

from __future__ import annotations

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from operations import heartbeat
from operations.recovery import PeriodicRecovery

#: Seconds between recovery passes (besides the one at start).
RECOVERY_EVERY_SECONDS = 60


class Command(DatabaseWorkerCommand):
    help = (
        "Run the task worker: package checks, LRS forwarding and search index updates. "
        "It writes a heartbeat, and on start and every minute re-enqueues what dead workers left."
    )

    def handle(self, *args, **options):
        if options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)  # the reloader's watching parent runs no tasks
        recovery = PeriodicRecovery()
        beating = heartbeat.start(options["worker_id"], recovery, RECOVERY_EVERY_SECONDS)
        try:
            found = recovery()
            if found.requeued or found.given_up:
                self.stdout.write(
                    f"Recovered {len(found.requeued)} task(s) of stopped workers; "
                    f"gave up on {len(found.given_up)}."
                )
            return super().handle(*args, **options)
        finally:
            heartbeat.stop(beating)
