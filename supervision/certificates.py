"""Supervision certificates (veiledningsbevis): hours attended and topics covered in a period.

Hours in a period are the sum of the lengths of the sessions the participant was
recorded present at, from the first day to the last day of the period, both included.
Topics covered are the union of those sessions' topics: the usual ones by code (named
in the certificate's language when printed) and the free ones as written.

A certificate is issued once per participant, group and period (its subject is derived
from the group's key and the two dates), with these facts stored beside it, so it reads
the same on every download and /verify/<code>/ confirms exactly what was printed.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from lms.certificates import holder_name, new_code
from lms.models import Certificate, CertificateKind
from supervision.models import Attendance, Session, SupervisionCertificate, SupervisionGroup
from supervision.models.certificates import hours
from supervision.topics import merge_free_topics, ordered_codes
from website.languages import is_language


class CertificateRefused(Exception):
    """No certificate can be issued for this request; the message says why."""


@dataclass
class AttendedPeriod:
    """What one participant attended of one group between two dates."""

    sessions: list[Session] = field(default_factory=list)
    minutes: int = 0
    topic_codes: list[str] = field(default_factory=list)
    free_topics: list[str] = field(default_factory=list)

    @property
    def hours(self):
        return hours(self.minutes)


def attended(group: SupervisionGroup, user, start: datetime.date, end: datetime.date) -> AttendedPeriod:
    sessions = list(
        Session.objects.filter(
            group=group,
            date__range=(start, end),
            attendance__user=user,
            attendance__status=Attendance.Status.PRESENT,
        )
        .prefetch_related("topics")
        .order_by("date", "starts_at")
    )
    return AttendedPeriod(
        sessions=sessions,
        minutes=sum(session.duration_minutes for session in sessions),
        topic_codes=ordered_codes(topic.code for session in sessions for topic in session.topics.all()),
        free_topics=merge_free_topics(session.free_topics for session in sessions),
    )


def check_period(start: datetime.date, end: datetime.date) -> None:
    if end < start:
        raise CertificateRefused(_("The period ends before it starts. Check the two dates."))
    if end > timezone.localdate():
        raise CertificateRefused(_("A certificate covers a period that has ended: today at the latest."))


def subject_key(group: SupervisionGroup, start: datetime.date, end: datetime.date) -> uuid.UUID:
    """The same for the same group and period, so one certificate per participant and period."""
    return uuid.uuid5(group.key, f"{start.isoformat()}/{end.isoformat()}")


def participant_language(user, fallback: str) -> str:
    """The participant's preferred language if they chose one, else ``fallback`` (the page's)."""
    preferred = UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    if is_language(preferred):
        return preferred
    return fallback if is_language(fallback) else settings.LANGUAGE_CODE


def has_taken_part(group: SupervisionGroup, user) -> bool:
    return (
        group.memberships.filter(user=user).exists()
        or Attendance.objects.filter(session__group=group, user=user).exists()
    )


def issue(
    group: SupervisionGroup, user, start: datetime.date, end: datetime.date, *, fallback_language: str
) -> Certificate:
    """The participant's certificate for the period, issued now if it is the first time it is asked for.

    Raises ``CertificateRefused`` for a period that is not over or not a period, and when the
    participant attended no session in it.
    """
    check_period(start, end)
    if not has_taken_part(group, user):
        raise CertificateRefused(_("This person has not taken part in the group."))
    key = subject_key(group, start, end)
    existing = Certificate.objects.filter(user=user, kind=CertificateKind.SUPERVISION, subject_key=key)
    certificate = existing.first()
    if certificate is not None:
        return certificate
    period = attended(group, user, start, end)
    if period.minutes == 0:
        raise CertificateRefused(
            _("No attended sessions are recorded from %(start)s to %(end)s, so there is nothing to certify.")
            % {
                "start": formats.date_format(start, "SHORT_DATE_FORMAT"),
                "end": formats.date_format(end, "SHORT_DATE_FORMAT"),
            }
        )
    supervisors = sorted(holder_name(supervisor) for supervisor in group.supervisors.all())
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    kind=CertificateKind.SUPERVISION,
                    subject_key=key,
                    code=new_code(),
                    holder_name=holder_name(user),
                    titles={settings.LANGUAGE_CODE: group.name},
                    achieved_on=period.sessions[-1].date,
                )
                SupervisionCertificate.objects.create(
                    certificate=certificate,
                    group=group,
                    period_start=start,
                    period_end=end,
                    minutes_attended=period.minutes,
                    sessions_attended=len(period.sessions),
                    topic_codes=period.topic_codes,
                    free_topics=period.free_topics,
                    supervisor_names=supervisors,
                    language=participant_language(user, fallback_language),
                )
                return certificate
        except IntegrityError:
            # A concurrent request issued it first (return that one), or the code was taken (draw again).
            certificate = existing.first()
            if certificate is not None:
                return certificate
    raise RuntimeError("Could not draw an unused verification code in five attempts.")


def certificates_for(group: SupervisionGroup, user=None):
    """The group's issued certificates (of one participant, if given), newest first."""
    facts = SupervisionCertificate.objects.filter(group=group, certificate__withdrawn_at__isnull=True)
    if user is not None:
        facts = facts.filter(certificate__user=user)
    return facts.select_related("certificate").order_by("-certificate__issued_at")
