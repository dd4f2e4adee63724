"""A participant's supervision data in their personal data export (``lms.privacy``).

Their groups, the ground rules they accepted and their own attendance. Supervisors'
notes are the supervisors' working notes about a session and name no participant, so
they are not part of a participant's export.
"""

from __future__ import annotations

from supervision.models import Attendance, GroundRulesAcceptance, Membership


def supervision_export(user, language: str) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("group")
    acceptances = GroundRulesAcceptance.objects.filter(user=user).select_related("version__group")
    attendance = (
        Attendance.objects.filter(user=user).select_related("session__group").order_by("session__date")
    )
    return {
        "groups": [
            {"group": m.group.name, "employer": m.employer, "joined_on": m.joined_on.isoformat()}
            for m in memberships
        ],
        "ground_rules_accepted": [
            {
                "group": a.version.group.name,
                "version": a.version.number,
                "accepted_at": a.accepted_at.isoformat(),
            }
            for a in acceptances
        ],
        "attendance": [
            {
                "group": a.session.group.name,
                "date": a.session.date.isoformat(),
                "duration_minutes": a.session.duration_minutes,
                "status": a.status,
            }
            for a in attendance
        ],
    }
