"""Resident memory of the production server's processes, read from /proc (Linux).

Issue 18 asks for an application worker under 250 MB resident after the load. gunicorn recycles a
worker after ``max_requests``, so a sampler also watches every worker that lived during the load
and keeps the largest resident size seen: a worker recycled just before the end is not a pass.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def mb(kb: int | None) -> str:
    return "–" if kb is None else f"{kb / 1024:.0f}"


def children(parent: int) -> dict[int, str]:
    """The live child processes of ``parent``: pid -> command line."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == parent:
                found[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError, IndexError):
            continue
    return found


def memory_of(pid: int) -> dict[str, int] | None:
    """VmRSS (resident now), VmHWM (its peak), and of VmRSS: RssAnon (the process's own memory)
    and RssFile (mapped files, such as memory-mapped dictionaries: shared by all processes), in kB."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    keys = ("VmRSS", "VmHWM", "RssAnon", "RssFile")
    return {key: int(fields[key].split()[0]) for key in keys if key in fields}


class Memory(threading.Thread):
    """Samples the gunicorn master's workers every second until stopped."""

    def __init__(self, master: int, every: float = 1.0):
        super().__init__(daemon=True)
        self.master, self.every = master, every
        self.peaks: dict[int, int] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            for pid in children(self.master):
                now = memory_of(pid)
                if now:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), now.get("VmHWM", 0), now.get("VmRSS", 0))
            self._stop_event.wait(self.every)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def report(self) -> dict:
        return {
            "workers_seen": len(self.peaks),
            "max_rss_kb": max(self.peaks.values(), default=None),
            "peak_kb_by_worker": self.peaks,
        }
