"""What a supervision certificate says, stored when it is issued so every download prints the same."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from supervision.models.groups import SupervisionGroup


def hours(minutes: int) -> Decimal:
    """Minutes as hours, to two decimals at most and without trailing zeros: 330 → 5.5, 120 → 2."""
    value = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


class SupervisionCertificate(models.Model):
    """The facts of one participant's supervision certificate (veiledningsbevis) for a period."""

    certificate = models.OneToOneField(
        "lms.Certificate", on_delete=models.CASCADE, related_name="supervision_facts"
    )
    #: Kept when the group is deleted later: the certificate still says what it said.
    group = models.ForeignKey(
        SupervisionGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    minutes_attended = models.PositiveIntegerField(_("minutes attended"))
    sessions_attended = models.PositiveSmallIntegerField(_("sessions attended"))
    #: Codes of the usual topics covered, in list order: ["ethics", "self-care"].
    topic_codes = models.JSONField(default=list)
    #: Other topics covered, as written.
    free_topics = models.JSONField(default=list)
    #: The supervisors' names as printed.
    supervisor_names = models.JSONField(default=list)
    #: The holder's language when it was issued; the certificate is always printed in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("supervision certificate")
        verbose_name_plural = _("supervision certificates")

    def __str__(self) -> str:
        return str(self.certificate)

    @property
    def hours(self) -> Decimal:
        return hours(self.minutes_attended)
