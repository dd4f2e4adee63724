"""Who learns what: cohorts of participants with their teachers, and enrolments in courses."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    """A named group of participants from a partner organisation, taught together."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "website.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    courses = models.ManyToManyField("lms.CoursePage", verbose_name=_("courses"), related_name="cohorts")
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("teachers"), blank=True, related_name="teaching_cohorts"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participants"),
        blank=True,
        through="lms.CohortMembership",
        related_name="cohorts",
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A cohort cannot end before it starts.")})


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort membership")
        verbose_name_plural = _("cohort memberships")
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort")]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort}"


class Enrolment(models.Model):
    """A participant's place in a course, in whichever language they take it."""

    class Source(models.TextChoices):
        SELF = "self", _("Enrolled themselves")
        COHORT = "cohort", _("Through a cohort")
        IMPORT = "import", _("Bulk enrolment")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    #: The course's translation_key: the enrolment holds in every language.
    course_key = models.UUIDField(_("course"), db_index=True)
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    #: Where "Continue" takes the learner: the lesson they last worked in.
    last_lesson_key = models.UUIDField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.course_key}"


class Invitation(models.Model):
    """An e-mailed, one-time, expiring link: to join a cohort, or to confirm a course registration.

    Joining a cohort needs the person's yes: until they accept, they are no member and
    their teachers see nothing of their record, only that they are invited. Only a hash
    of the token is stored, so the table alone opens no account.
    """

    class Purpose(models.TextChoices):
        COHORT = "cohort", _("Join a cohort")
        REGISTRATION = "registration", _("Confirm a registration")

    class Status(models.TextChoices):
        PENDING = "pending", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.COHORT)
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    #: For a registration: the course (translation_key) the person enrols in on confirming.
    course_key = models.UUIDField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The language of the e-mail and of the link's pages.
    language = models.CharField(max_length=10)
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"],
                condition=models.Q(status="pending", purpose="cohort"),
                name="one_pending_invitation_per_cohort",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.cohort or self.course_key} ({self.status})"
