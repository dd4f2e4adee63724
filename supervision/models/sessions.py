"""Supervision sessions, who attended them, and the supervisors' own notes."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from supervision.models.certificates import hours
from supervision.models.groups import MAX_SESSION_MINUTES, SupervisionGroup, Topic


class Session(models.Model):
    """One meeting of a group: when, how long, where, and what it was about."""

    group = models.ForeignKey(SupervisionGroup, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    #: Local time where the group meets.
    starts_at = models.TimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="sessions")
    #: Other topics as the supervisor wrote them, printed as written: ["Night shifts", ...].
    free_topics = models.JSONField(_("other topics"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0) & Q(duration_minutes__lte=MAX_SESSION_MINUTES),
                name="supervision_session_duration_in_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.date} {self.starts_at:%H:%M}"

    @property
    def starts(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.starts_at)

    @property
    def ends(self) -> datetime.datetime:
        return self.starts + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def hours(self):
        return hours(self.duration_minutes)


class Attendance(models.Model):
    """Whether a participant was at a session, as a supervisor recorded it."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervision_attendance"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_session_and_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.status} {self.session}"


class SupervisorNote(models.Model):
    """What a supervisor wants to remember about a session; seen by the group's supervisors only.

    By default a note names no participant (see ``supervision.sessions.add_note``).
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"))
    #: The author ticked that naming a participant here is needed.
    names_participant = models.BooleanField(_("names a participant on purpose"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("supervisor note")
        verbose_name_plural = _("supervisor notes")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Note on {self.session}"
