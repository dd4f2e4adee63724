"""`make serve`: Nordpeer's production topology on one machine, under one supervisor.

    python -m website.serve

Runs with ``website.settings.production`` (unless DJANGO_SETTINGS_MODULE says otherwise):
``collectstatic`` and ``migrate`` first, then gunicorn with WEB_CONCURRENCY workers on
HOST:PORT (website/gunicorn.conf.py) and one task worker (``manage.py db_worker``). Ctrl-C or
SIGTERM stops both; when either dies the other is stopped too and this exits with an error, so a
service manager (systemd, a container runtime) sees the failure and restarts the whole.
The smoke test (tests/production/test_smoke.py) starts the stack through this same module.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PRODUCTION = "website.settings.production"
#: Seconds a process gets to finish its requests or task before it is killed.
STOP_GRACE_SECONDS = 30


def _log(message: str) -> None:
    print(f"serve: {message}", file=sys.stderr, flush=True)


def _manage(*args: str) -> list[str]:
    return [sys.executable, str(REPO / "manage.py"), *args]


def worker_id() -> str:
    """The task worker's id, stored with every task it claims: host and supervisor, so one can tell."""
    return f"{socket.gethostname()}-serve{os.getpid()}-worker1"


def commands() -> dict[str, list[str]]:
    """The long-running processes, by name."""
    return {
        "web": [sys.executable, "-m", "gunicorn", "--config", str(REPO / "website" / "gunicorn.conf.py")],
        "worker": _manage("db_worker", "--queue-name", "*", "--worker-id", worker_id()),
    }


def prepare(env: dict[str, str]) -> None:
    """What every start (and every upgrade) runs first; a failure stops the start."""
    for step in (("collectstatic", "--noinput", "-v", "0"), ("migrate", "--noinput", "-v", "1")):
        _log(f"manage.py {' '.join(step)}")
        subprocess.run(_manage(*step), cwd=REPO, env=env, check=True)  # noqa: S603 (our own manage.py)


def stop(processes: dict[str, subprocess.Popen]) -> None:
    """SIGTERM to all (gunicorn finishes its requests, the worker its task), then SIGKILL the late."""
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for name, process in processes.items():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _log(f"{name} (pid {process.pid}) did not stop in {STOP_GRACE_SECONDS} s: killing it")
            process.kill()
            process.wait()


def supervise(processes: dict[str, subprocess.Popen], stopping: list[int]) -> int:
    """Wait until a signal asks us to stop (0) or a process dies on its own (1)."""
    try:
        while not stopping:
            for name, process in processes.items():
                code = process.poll()
                if code is not None:
                    _log(f"{name} (pid {process.pid}) exited with {code}: stopping the rest")
                    return 1
            time.sleep(0.5)
        _log(f"{signal.Signals(stopping[0]).name}: stopping")
        return 0
    finally:
        stop(processes)


def main(argv: Sequence[str] | None = None) -> int:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE") or PRODUCTION}
    env.setdefault("PYTHONUNBUFFERED", "1")
    try:
        prepare(env)
    except subprocess.CalledProcessError as error:
        _log(f"{' '.join(error.cmd[2:])} failed (exit {error.returncode}): not starting")
        return 1
    # Handlers first: a SIGTERM while the processes start must not leave them running without us.
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, _frame: stopping.append(signum))
    signal.signal(signal.SIGINT, lambda signum, _frame: stopping.append(signum))
    processes: dict[str, subprocess.Popen] = {}
    for name, command in commands().items():
        # A session of their own: Ctrl-C reaches only this supervisor, which stops them in order.
        processes[name] = subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)  # noqa: S603
        _log(f"{name} started, pid {processes[name].pid}")
    _log(f"worker id {worker_id()}; Ctrl-C stops both")
    return supervise(processes, stopping)


if __name__ == "__main__":
    sys.exit(main())
