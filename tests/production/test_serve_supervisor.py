"""website.serve keeps the web and task processes together: one dies, both stop; asked to stop, both do."""

from __future__ import annotations

import signal
import subprocess
import sys

from website import serve


def process(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code])  # noqa: S603 (this interpreter, fixed code)


def test_when_one_process_dies_the_other_is_stopped_and_serve_fails():
    processes = {"web": process("import time; time.sleep(120)"), "worker": process("raise SystemExit(3)")}
    assert serve.supervise(processes, stopping=[]) == 1
    assert processes["worker"].returncode == 3
    assert processes["web"].returncode == -signal.SIGTERM


def test_a_stop_signal_stops_both_and_serve_succeeds():
    sleep = "import time; time.sleep(120)"
    processes = {"web": process(sleep), "worker": process(sleep)}
    assert serve.supervise(processes, stopping=[signal.SIGTERM]) == 0
    assert [p.returncode for p in processes.values()] == [-signal.SIGTERM, -signal.SIGTERM]


def test_a_process_that_ignores_sigterm_is_killed(monkeypatch):
    monkeypatch.setattr(serve, "STOP_GRACE_SECONDS", 1)
    stubborn = "import signal as s, time; s.signal(s.SIGTERM, s.SIG_IGN); print(flush=True); time.sleep(120)"
    processes = {"web": subprocess.Popen([sys.executable, "-c", stubborn], stdout=subprocess.PIPE)}  # noqa: S603
    processes["web"].stdout.readline()  # its handler is in place
    assert serve.supervise(processes, stopping=[signal.SIGINT]) == 0
    assert processes["web"].returncode == -signal.SIGKILL


def test_the_processes_are_gunicorn_with_our_config_and_the_task_worker():
    commands = serve.commands()
    assert commands["web"][1:4] == ["-m", "gunicorn", "--config"]
    assert commands["web"][4].endswith("website/gunicorn.conf.py")
    assert commands["worker"][2:3] == ["db_worker"] and "--worker-id" in commands["worker"]
