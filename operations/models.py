"""The heartbeat each task worker writes, so /healthz/ and recovery can tell a live worker from a dead one."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """One row per running ``db_worker`` process, refreshed every few seconds, removed when it stops.

    In the database rather than the cache: every process sees it whether or not Redis is set, and
    a worker's tasks (rows of the same database) can be matched to it by ``worker_id``.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started"))
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
