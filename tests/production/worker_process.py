"""Starting and stopping a real ``manage.py db_worker`` process against the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

from lms.models.packages import package_storage

REPO = Path(__file__).resolve().parents[2]


def worker_environment() -> dict[str, str]:
    """The test database (by its test name) and package folder, for a worker in another process."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.production.worker_settings",
        "DATABASE_URL": url,
        "NORDPEER_TEST_PACKAGE_ROOT": str(package_storage().location),
        "PYTHONUNBUFFERED": "1",
    }


def start_worker(log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.1",
    ]
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 -- our own interpreter and manage.py
            command, cwd=REPO, env=worker_environment(), stdout=output, stderr=subprocess.STDOUT
        )


def kill(process: subprocess.Popen) -> None:
    """SIGKILL: no signal handler, no clean-up, as when the machine or the OOM killer stops it."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            kill(process)


def wait_for(condition: Callable[[], object], seconds: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.02)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"Timed out after {seconds}s waiting for {what}.\n{tail}")


def uses_postgresql() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
