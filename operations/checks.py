"""Deployment checks of the task backend (``manage.py check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
DUMMY = "django_tasks.backends.dummy.DummyBackend"


@register(Tags.compatibility, deploy=True)
def check_task_backend(app_configs, **kwargs):
    """In production, tasks run on a worker: not inside the request that enqueued them, nor never."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if backend in (IMMEDIATE, DUMMY):
        return [
            Error(
                f"TASKS uses {backend}: package checks of up to 500 MB and LRS forwarding would run "
                "inside editors' and learners' requests (or never), and retries would not be scheduled.",
                hint='Use {"BACKEND": "django_tasks_db.DatabaseBackend"} and run `manage.py db_worker`.',
                id="operations.E001",
            )
        ]
    return []
