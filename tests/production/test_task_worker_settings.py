"""Production runs tasks on the database worker; retries are rows the worker runs later, not lost calls."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from search.backends import SearchUnavailable
from search.indexing import apply_pending, request_update
from search.models import PendingUpdate

REPO = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

PRINT_SETTINGS = """
import json
import uuid
from django.conf import settings
print(json.dumps({
    "tasks": settings.TASKS["default"]["BACKEND"],
    "apps": settings.INSTALLED_APPS,
    "redirect_exempt": settings.SECURE_REDIRECT_EXEMPT,
}))
"""


def test_production_settings_use_the_database_backend_and_its_app():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "nordpeer.example",
        "BASE_URL": "https://nordpeer.example",
        "EMAIL_URL": "smtp://mail.example:587",
    }
    finished = subprocess.run(  # noqa: S603 -- our own interpreter
        [sys.executable, "-c", PRINT_SETTINGS], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    found = json.loads(finished.stdout.strip().splitlines()[-1])
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    # Our worker command (with heartbeat and recovery) must win over django_tasks_db's own.
    assert found["apps"].index("operations") < found["apps"].index("django_tasks_db")
    # A load balancer's plain-HTTP probe of /healthz/ is answered, not redirected to HTTPS.
    assert any(re.search(pattern, "healthz/") for pattern in found["redirect_exempt"])
    assert not any(re.search(pattern, "en/") for pattern in found["redirect_exempt"])


class EngineDown:
    name = "down"

    def replace_key(self, translation_key, documents):
        raise SearchUnavailable("connection refused")


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_an_index_update_that_fails_is_retried_by_a_deferred_task(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request_update([str(uuid.uuid4())])
    [first] = DBTaskResult.objects.all()
    assert first.task_path == "search.tasks.apply_pending_updates"  # enqueued, not run in the request
    assert first.status == TaskResultStatus.READY

    report = apply_pending(backend=EngineDown())

    assert report.failed == 1
    retry_at = PendingUpdate.objects.get().next_attempt_at
    assert retry_at > timezone.now()
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert (retry.task_path, retry.run_after) == ("search.tasks.apply_pending_updates", retry_at)
