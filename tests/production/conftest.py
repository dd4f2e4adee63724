"""Helpers for the production tests: real processes with the production settings, on our own ports.

Everything here runs the project the way an operator does, in subprocesses with only the
environment that production reads; the tests talk to it over HTTP on 127.0.0.1 and read its
database back through ``tests.production.stack_data`` run in that same environment.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import connection

from website.settings.environment import BASE_DIR, ENV

REPO = BASE_DIR
PYTHON = sys.executable
#: The ports these tests may use (127.0.0.1 only); each server takes the first free one.
PORTS = range(8130, 8140)


def free_port(avoid: tuple[int, ...] = ()) -> int:
    for port in PORTS:
        if port in avoid:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"No free port in {PORTS.start}-{PORTS.stop - 1} on 127.0.0.1")


def production_env(folder: Path, port: int, database_url: str, **extra: str) -> dict[str, str]:
    """What production reads, for a stack on 127.0.0.1:port with its content on localhost:port."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(folder)),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "CONTENT_ORIGIN": f"http://localhost:{port}",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        # Nothing listens there: the flows send no mail, and a mail that was sent would fail loudly.
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PACKAGE_ROOT": str(folder / "packages"),
        "PAGE_CACHE_DIR": str(folder / "page-cache"),
        "TESTDATA_DIR": str(ENV.testdata_dir),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    return {**env, **extra}


def run(env: dict[str, str], *command: str, timeout: float = 300) -> str:
    """Run a command of the project in ``env``; its output, or the test fails with it."""
    result = subprocess.run(  # noqa: S603 (our own interpreter and scripts)
        [PYTHON, *command], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    return run(env, "manage.py", *args, timeout=timeout)


def copy_test_database(target: Path) -> str:
    """This run's migrated SQLite test database, copied to a file a served stack can open; its URL.

    What ``migrate`` would make, in milliseconds instead of a minute of every such test.
    """
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{target}"


def seed(env: dict[str, str], file: Path, learners: int = 20) -> dict:
    run(env, "-m", "tests.production.stack_data", "seed", str(file), "--learners", str(learners))
    return json.loads(file.read_text())


def read_back(env: dict[str, str], file: Path) -> dict:
    return json.loads(run(env, "-m", "tests.production.stack_data", "read", str(file)))


@dataclass
class Served:
    """A server process we started, its log, and how to reach it."""

    process: subprocess.Popen
    port: int
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, timeout: float = 40) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode


def start(env: dict[str, str], command: list[str], log: Path, port: int, ready_within: float = 240) -> Served:
    """Start ``command`` in a session of its own and wait until 127.0.0.1:port answers HTTP."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and scripts)
            [PYTHON, *command], cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    served = Served(process=process, port=port, log=log, env=env)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{' '.join(command)} exited with {process.returncode}:\n{served.output()[-4000:]}")
        try:
            status, _headers, _body = request(port, "GET", "/robots.txt", host=f"127.0.0.1:{port}", timeout=5)
            if status:
                return served
        except OSError:
            time.sleep(0.3)
    served.stop()
    pytest.fail(f"{' '.join(command)} did not answer on port {port}:\n{served.output()[-4000:]}")


def request(
    port: int,
    method: str,
    path: str,
    *,
    host: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request to 127.0.0.1:port as ``host``: status, headers (lower-case names), body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()
