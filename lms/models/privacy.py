"""What the learner's privacy rights need on record: pseudonyms for xAPI, erasure requests,
and statements still waiting to reach an external LRS."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LearnerPseudonym(models.Model):
    """The id a learner has in exported and forwarded xAPI statements instead of their e-mail.

    Random, so nothing about the person can be read from it; deleted with the learner, so
    statements already in an external LRS can no longer be tied to them.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pseudonym = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("learner pseudonym")
        verbose_name_plural = _("learner pseudonyms")

    def __str__(self) -> str:
        return str(self.pseudonym)


class ErasureRequest(models.Model):
    """A learner's request to erase their data; an administrator carries it out."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CARRIED_OUT = "carried_out", _("Carried out")

    #: Emptied when the erasure is carried out: the account is deleted with everything else.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="erasure_requests",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    carried_out_at = models.DateTimeField(_("carried out"), null=True, blank=True)
    carried_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("carried out by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: How many rows of each kind were erased, e.g. {"statements": 12, "certificates_withdrawn": 1}.
    summary = models.JSONField(_("what was erased"), default=dict, blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(status="pending"), name="one_pending_erasure_per_user"
            )
        ]

    def __str__(self) -> str:
        return str(_("Erasure request %(number)s")) % {"number": self.pk}


class PendingForward(models.Model):
    """A statement the external LRS has not accepted yet, and when to try again."""

    statement = models.OneToOneField("lms.LearningStatement", on_delete=models.CASCADE, related_name="+")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    last_error = models.TextField(blank=True)
    #: Set after the last allowed attempt, or when the LRS refused the statement outright.
    gave_up = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("statement waiting for the LRS")
        verbose_name_plural = _("statements waiting for the LRS")

    def __str__(self) -> str:
        return f"{self.statement_id} ({self.attempts})"
