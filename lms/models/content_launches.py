"""The one-use launch links a lesson page puts in its content frame, remembered once opened."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentLaunch(models.Model):
    """A launch link that has been opened: its nonce may not open a content session again.

    A row, not the cache, because the app's processes share the database everywhere and a cache
    only with Redis. Rows older than a launch link's lifetime are useless and are removed as new
    launches come in (``lms.content.launch``).
    """

    nonce = models.CharField(max_length=64, primary_key=True)
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("opened content launch")
        verbose_name_plural = _("opened content launches")

    def __str__(self) -> str:
        return self.nonce
