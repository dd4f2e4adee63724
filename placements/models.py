"""A student's practice placement and its three assessment conversations.

The rules a placement or conversation must follow live in ``placements.rules``; ``clean``
only calls them, so the admin's forms, the site's forms and the services check the same
things. The database repeats the rules it can hold (three conversations at most, people
in distinct roles, dates in order, texts within their length) so no path can break them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

#: A short written assessment: about a page of text.
ASSESSMENT_MAX_LENGTH = 2000


def _too_long() -> str:
    return gettext("Keep the text to %(limit)s characters.") % {"limit": ASSESSMENT_MAX_LENGTH}


#: Said in the reader's language when it is shown, not at import.
TOO_LONG_MESSAGE = lazy(_too_long, str)()


class Placement(models.Model):
    """Twelve weeks (unless explicitly allowed otherwise) of a student's practice at a workplace."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        DISCONTINUED = "discontinued", _("Discontinued")

    # The placement is the student's record: it goes when their account is erased. The school
    # contact and practice supervisor are protected: hand their placements over first.
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="practice_placements",
    )
    workplace = models.CharField(_("workplace"), max_length=200)
    workplace_unit = models.CharField(
        _("unit or department"), max_length=200, blank=True, help_text=_("For example a team or a ward.")
    )
    workplace_address = models.CharField(_("address"), max_length=300, blank=True)
    practice_supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("practice supervisor"),
        on_delete=models.PROTECT,
        related_name="supervised_placements",
        help_text=_("The person at the workplace who supervises the student. They need an account."),
    )
    school_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("school contact"),
        on_delete=models.PROTECT,
        related_name="school_contact_placements",
        help_text=_("The school's staff member who follows the student."),
    )
    cohort = models.ForeignKey(
        "lms.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="placements",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(
        _("last day"), blank=True, help_text=_("Leave empty for twelve weeks from the first day.")
    )
    other_length_allowed = models.BooleanField(
        _("another length than twelve weeks is allowed"), default=False
    )
    other_length_reason = models.CharField(_("why another length is allowed"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("practice placement")
        verbose_name_plural = _("practice placements")
        ordering = ["-starts_on", "pk"]
        permissions = [("be_school_contact", _("Can be the school contact of practice placements"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="placement_ends_after_it_starts",
                violation_error_message=_("A placement cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(student=F("practice_supervisor"))
                & ~Q(student=F("school_contact"))
                & ~Q(practice_supervisor=F("school_contact")),
                name="placement_people_in_distinct_roles",
                violation_error_message=_(
                    "The student, the practice supervisor and the school contact are three different people."
                ),
            ),
            models.CheckConstraint(
                condition=Q(other_length_allowed=False) | ~Q(other_length_reason=""),
                name="placement_other_length_has_a_reason",
                violation_error_message=_("Say why another length than twelve weeks is allowed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.workplace} · {self.starts_on}"

    @property
    def shown_status(self) -> str:
        """The status as people read it: an active placement past its last day is not "Active"."""
        if self.status == self.Status.ACTIVE and self.ends_on and self.ends_on < timezone.localdate():
            return gettext("Ended %(date)s, not yet marked completed") % {
                "date": date_format(self.ends_on, "SHORT_DATE_FORMAT")
            }
        return self.get_status_display()

    def clean(self) -> None:
        from placements.rules import placement_problems

        if self.starts_on and not self.ends_on:
            from placements.schedule import default_end

            self.ends_on = default_end(self.starts_on)
        if problems := placement_problems(self):
            raise ValidationError(problems)


class AssessmentConversation(models.Model):
    """One of the three conversations of student, school contact and practice supervisor."""

    class Number(models.IntegerChoices):
        START = 1, _("Start conversation")
        MIDWAY = 2, _("Midway conversation")
        FINAL = 3, _("Final conversation")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="conversations"
    )
    number = models.PositiveSmallIntegerField(_("conversation"), choices=Number.choices)
    planned_on = models.DateField(_("planned date"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField(_("date held"), null=True, blank=True)
    student_took_part = models.BooleanField(_("the student took part"), default=True)
    school_contact_took_part = models.BooleanField(_("the school contact took part"), default=True)
    supervisor_took_part = models.BooleanField(_("the practice supervisor took part"), default=True)
    #: Each person writes only their own text (and saves only that column), so none overwrites another.
    assessment = models.TextField(_("school contact's assessment"), blank=True)
    supervisor_assessment = models.TextField(_("practice supervisor's assessment"), blank=True)
    student_reflection = models.TextField(_("student's reflection"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessment conversation")
        verbose_name_plural = _("assessment conversations")
        ordering = ["placement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "number"],
                name="one_conversation_of_each_kind_per_placement",
                violation_error_message=_("This placement already has this conversation."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=3),
                name="three_conversations_per_placement",
                violation_error_message=_(
                    "A placement has three assessment conversations: start, midway and final."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="held", held_on__isnull=False)
                | (~Q(status="held") & Q(held_on__isnull=True)),
                name="conversation_held_has_a_date",
                violation_error_message=_(
                    "A held conversation has the date it was held, and only a held one."
                ),
            ),
            *[
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(field), ASSESSMENT_MAX_LENGTH),
                    name=f"conversation_{field}_is_short",
                    violation_error_message=TOO_LONG_MESSAGE,
                )
                for field in ("assessment", "supervisor_assessment", "student_reflection")
            ],
        ]

    def __str__(self) -> str:
        return f"{self.get_number_display()} · {self.placement}"

    def people_who_took_part(self) -> list[str]:
        roles = [
            (self.student_took_part, _("student")),
            (self.school_contact_took_part, _("school contact")),
            (self.supervisor_took_part, _("practice supervisor")),
        ]
        return [str(role) for took_part, role in roles if took_part]

    def clean(self) -> None:
        from placements.rules import conversation_problems

        if problems := conversation_problems(self):
            raise ValidationError(problems)
