"""Supervision groups: who supervises, who takes part, the plan, and the ground rules people accept."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from supervision.topics import TopicCode, topic_name

#: A session lasts at most this long; longer ones are typing mistakes (minutes).
MAX_SESSION_MINUTES = 8 * 60


class Topic(models.Model):
    """One of the usual topics (see ``supervision.topics``); its name comes from the catalogues."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=TopicCode.choices)
    #: Retired topics stay on past sessions and certificates but are no longer offered.
    active = models.BooleanField(_("offered for new sessions"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return str(self.get_code_display())

    def name_in(self, language: str) -> str:
        return topic_name(self.code, language)


class SupervisionGroup(ClusterableModel):
    """A group of peer workers who meet regularly with (usually two) supervisors."""

    name = models.CharField(_("name"), max_length=200)
    #: Stable identity for certificates: a certificate's subject is derived from it and the period.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "website.PartnerOrganisation",
        verbose_name=_("organised by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    supervisors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("supervisors"), related_name="supervised_groups"
    )
    planned_sessions = models.PositiveSmallIntegerField(
        _("planned meetings"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many meetings the group plans in the period, for example 8 a year."),
    )
    planned_minutes = models.PositiveSmallIntegerField(
        _("planned length of a meeting (minutes)"),
        default=120,
        validators=[MinValueValidator(15), MaxValueValidator(MAX_SESSION_MINUTES)],
    )
    plan = models.TextField(
        _("plan"), blank=True, help_text=_("How often and where the group meets, in a sentence or two.")
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    ground_rules = models.TextField(
        _("ground rules"),
        help_text=_(
            "Confidentiality and how stories are anonymised. Participants accept them when they join; "
            "changing the text asks everyone to accept the new version."
        ),
    )

    class Meta:
        verbose_name = _("supervision group")
        verbose_name_plural = _("supervision groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A group cannot end before it starts.")})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        current = self.current_rules()
        if current is None or current.text != self.ground_rules:
            # A new text is a new version: acceptances of the old one no longer count.
            GroundRulesVersion.objects.create(
                group=self, number=(current.number + 1) if current else 1, text=self.ground_rules
            )

    def current_rules(self) -> GroundRulesVersion | None:
        return self.rules_versions.order_by("-number").first()

    def participants(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(supervision_memberships__group=self)


class Membership(models.Model):
    """A participant of a group; peer workers often come from different employers."""

    group = ParentalKey(SupervisionGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="supervision_memberships",
    )
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    joined_on = models.DateField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_supervision_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group}"


class GroundRulesVersion(models.Model):
    """The ground rules as they read from one change to the next; what participants accept."""

    group = models.ForeignKey(SupervisionGroup, on_delete=models.CASCADE, related_name="rules_versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("ground rules"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ground rules version")
        verbose_name_plural = _("ground rules versions")
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="one_ground_rules_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.group} v{self.number}"


class GroundRulesAcceptance(models.Model):
    """Who accepted which version of a group's ground rules, and when."""

    version = models.ForeignKey(GroundRulesVersion, on_delete=models.CASCADE, related_name="acceptances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ground_rules_acceptances"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("acceptance of ground rules")
        verbose_name_plural = _("acceptances of ground rules")
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="one_acceptance_per_rules_version")
        ]

    def __str__(self) -> str:
        return f"{self.user} accepted {self.version}"
