"""Deployment checks of the task backend (``manage.py check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.module_loading import import_string
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend


def no_worker_runs_tasks() -> bool:
    """Whether the default task backend runs tasks in the request (or never): then no worker is needed."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    try:
        return issubclass(import_string(backend), (ImmediateBackend, DummyBackend))
    except ImportError:
        return False


@register(Tags.compatibility, deploy=True)
def check_task_backend(app_configs, **kwargs):
    """In production, tasks run on a worker: not inside the request that enqueued them, nor never."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if no_worker_runs_tasks():
        return [
            Error(
                f"TASKS uses {backend}: package checks of up to 500 MB and LRS forwarding would run "
                "inside editors' and learners' requests (or never), and retries would not be scheduled.",
                hint='Use {"BACKEND": "django_tasks_db.DatabaseBackend"} and run `manage.py db_worker`.',
                id="operations.E001",
            )
        ]
    return []
