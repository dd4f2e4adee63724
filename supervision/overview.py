"""What the supervision pages show: a group's plan, its roster for supervisors, a participant's own record.

Nothing here reads supervisors' notes; they are shown only on a session's page to the
group's own supervisors (``supervision.permissions.can_read_notes``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.dashboard_export import FORMULA_STARTS
from supervision.groups import acceptance_by_participant
from supervision.models import Attendance, GroundRulesAcceptance, Session, SupervisionGroup
from supervision.models.certificates import hours


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


@dataclass
class Plan:
    planned: int
    planned_hours: object
    held: int
    upcoming: int


def plan_of(group: SupervisionGroup) -> Plan:
    today = timezone.localdate()
    counts = group.sessions.aggregate(
        held=Count("pk", filter=Q(date__lte=today)), upcoming=Count("pk", filter=Q(date__gt=today))
    )
    return Plan(
        planned=group.planned_sessions,
        planned_hours=hours(group.planned_minutes),
        held=counts["held"],
        upcoming=counts["upcoming"],
    )


def sessions_with_counts(group: SupervisionGroup):
    present = Count("attendance", filter=Q(attendance__status=Attendance.Status.PRESENT))
    return group.sessions.annotate(present=present).prefetch_related("topics").order_by("-date", "-starts_at")


@dataclass
class RosterRow:
    user: object
    name: str
    employer: str
    accepted: GroundRulesAcceptance | None
    hours: object


def minutes_present(group: SupervisionGroup) -> dict[int, int]:
    rows = (
        Attendance.objects.filter(session__group=group, status=Attendance.Status.PRESENT)
        .values("user_id")
        .annotate(minutes=Sum("session__duration_minutes"))
    )
    return {row["user_id"]: row["minutes"] for row in rows}


def roster(group: SupervisionGroup) -> list[RosterRow]:
    """The participants with their employer, their acceptance of the current rules and hours so far."""
    accepted = acceptance_by_participant(group)
    minutes = minutes_present(group)
    memberships = group.memberships.select_related("user")
    rows = [
        RosterRow(
            user=membership.user,
            name=display_name(membership.user),
            employer=membership.employer,
            accepted=accepted.get(membership.user_id),
            hours=hours(minutes.get(membership.user_id, 0)),
        )
        for membership in memberships
    ]
    return sorted(rows, key=lambda row: row.name.casefold())


@dataclass
class OwnSession:
    session: Session
    #: "present", "absent", or "" when nothing is recorded (yet).
    status: str
    status_label: str


def own_sessions(group: SupervisionGroup, user) -> list[OwnSession]:
    """The group's sessions with the participant's own attendance; nobody else's."""
    mine = Attendance.objects.filter(session__group=group, user=user)
    statuses = {attendance.session_id: attendance for attendance in mine}
    sessions = group.sessions.prefetch_related("topics").order_by("-date", "-starts_at")
    rows = []
    for session in sessions:
        attendance = statuses.get(session.pk)
        rows.append(
            OwnSession(
                session=session,
                status=attendance.status if attendance else "",
                status_label=attendance.get_status_display() if attendance else "",
            )
        )
    return rows


def own_hours(group: SupervisionGroup, user):
    return hours(minutes_present(group).get(user.pk, 0))


def attendance_csv(group: SupervisionGroup) -> bytes:
    """The attendance register: one row per session, one column per participant. No notes."""
    people = sorted(
        {a.user for a in Attendance.objects.filter(session__group=group).select_related("user")}
        | {m.user for m in group.memberships.select_related("user")},
        key=lambda user: display_name(user).casefold(),
    )
    recorded = {
        (a.session_id, a.user_id): a.get_status_display()
        for a in Attendance.objects.filter(session__group=group)
    }
    out = io.StringIO()
    writer = csv.writer(out)
    names = [_safe(display_name(person)) for person in people]
    writer.writerow([_("Date"), _("Starts at"), _("Duration (minutes)"), *names])
    for session in group.sessions.order_by("date", "starts_at"):
        writer.writerow(
            [
                session.date.isoformat(),
                session.starts_at.strftime("%H:%M"),
                session.duration_minutes,
                *(recorded.get((session.pk, person.pk), "") for person in people),
            ]
        )
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _safe(text: str) -> str:
    """A name a spreadsheet would take for a formula is kept as text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
