"""Certificates and the codes that verify them, for courses now and supervision later.

A certificate is a record of what was printed: the holder's name and the title in
every language, stored when it is issued. The PDF is made from these stored facts
on each download, so it reads the same whenever it is downloaded, and /verify/<code>/
can confirm it even after the course page is changed or gone.

When the holder's data is erased the row stays, without the name and without its
link to the account, and is marked withdrawn: a verifier then learns only that the
certificate no longer stands (see ``lms.privacy``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    COURSE = "course", _("Course completion")
    SUPERVISION = "supervision", _("Group supervision")


class Certificate(models.Model):
    """One certificate for one holder and one subject (a course, a supervision group, ...)."""

    #: The verification code, stored without separators, e.g. "7KQ2M9XD4HTB".
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    #: What it certifies: for a course its translation_key, the same in every language.
    subject_key = models.UUIDField(_("subject"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    #: The name as printed; emptied when the holder's data is erased.
    holder_name = models.CharField(_("name as printed"), max_length=200, blank=True)
    #: {"en": "Introduction to peer support", "sv": "...", ...}: the subject's title per language.
    titles = models.JSONField(_("titles"), default=dict)
    #: The date printed: when the course was completed.
    achieved_on = models.DateField(_("date"))
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            # Erased holders leave user empty; NULLs never collide, so withdrawn rows stay.
            models.UniqueConstraint(
                fields=["user", "kind", "subject_key"], name="one_certificate_per_subject"
            )
        ]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        """The code in groups of four, as printed: 7KQ2-M9XD-4HTB."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
