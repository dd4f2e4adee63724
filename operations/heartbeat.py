"""Task workers' heartbeats: each ``db_worker`` process says every few seconds that it is alive.

A worker is dead when its heartbeat is older than ``TASK_WORKER_STALE_SECONDS``, or at once
when it ran on this host and its process is gone (a SIGKILLed worker restarted on the same
machine need not wait for its old heartbeat to go stale).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from operations.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def heartbeat_seconds() -> float:
    return float(getattr(settings, "TASK_WORKER_HEARTBEAT_SECONDS", 10))


def stale_after() -> timedelta:
    """How old a heartbeat may be before its worker counts as dead (several missed beats)."""
    return timedelta(seconds=float(getattr(settings, "TASK_WORKER_STALE_SECONDS", 60)))


def this_host() -> str:
    return socket.gethostname()


def process_is_running(pid: int) -> bool:
    """Whether a process ``pid`` exists on this host and is not a zombie (killed, not yet reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc (not Linux): the signal test above is all we know


def is_alive(heartbeat: WorkerHeartbeat, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    if heartbeat.beat_at < now - stale_after():
        return False
    if heartbeat.hostname == this_host():
        if heartbeat.pid == os.getpid():
            return heartbeat.worker_id == current_worker_id  # an earlier worker that had this pid is gone
        return process_is_running(heartbeat.pid)
    return True


def live_worker_ids(now: datetime | None = None) -> set[str]:
    now = now or timezone.now()
    return {hb.worker_id for hb in WorkerHeartbeat.objects.all() if is_alive(hb, now)}


def forget_dead_workers(now: datetime | None = None) -> int:
    """Delete the heartbeats of workers that are gone; how many."""
    now = now or timezone.now()
    dead = [hb.pk for hb in WorkerHeartbeat.objects.all() if not is_alive(hb, now)]
    WorkerHeartbeat.objects.filter(pk__in=dead).delete()
    return len(dead)


def newest_heartbeat() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-beat_at").first()


#: The worker id of the ``db_worker`` running in this process, if any.
current_worker_id: str | None = None


def beat(worker_id: str) -> None:
    """Record that ``worker_id`` (this process) is alive now."""
    now = timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"hostname": this_host(), "pid": os.getpid(), "started_at": now, "beat_at": now},
        )


class HeartbeatThread(threading.Thread):
    """Beats every ``heartbeat_seconds()`` beside the worker's task loop (a long task must not look
    like a dead worker), and every ``every_seconds`` runs ``periodic`` (the recovery)."""

    def __init__(self, worker_id: str, periodic: Callable[[], object], every_seconds: float) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.periodic = periodic
        self.every_seconds = every_seconds
        self.stopping = threading.Event()

    def run(self) -> None:
        since_periodic = 0.0
        interval = heartbeat_seconds()
        try:
            while not self.stopping.wait(interval):
                close_old_connections()
                try:
                    beat(self.worker_id)
                    since_periodic += interval
                    if since_periodic >= self.every_seconds:
                        since_periodic = 0.0
                        self.periodic()
                except Exception:
                    # The database may be away a moment: the worker keeps going; the next beat retries.
                    logger.exception(
                        "Worker %s could not write its heartbeat or recover tasks", self.worker_id
                    )
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=heartbeat_seconds() + 5)


def start(worker_id: str, periodic: Callable[[], object], every_seconds: float) -> HeartbeatThread:
    global current_worker_id
    current_worker_id = worker_id
    beat(worker_id)
    thread = HeartbeatThread(worker_id, periodic, every_seconds)
    thread.start()
    return thread


def stop(thread: HeartbeatThread) -> None:
    """A worker that stops cleanly takes its heartbeat with it (no false alarm, no lost tasks)."""
    global current_worker_id
    thread.stop()
    WorkerHeartbeat.objects.filter(worker_id=thread.worker_id).delete()
    current_worker_id = None
