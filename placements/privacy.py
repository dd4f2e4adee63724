"""A person's practice placements in their personal data export (``lms.privacy``).

A student gets their placements with every conversation and what each side wrote about
them. A practice supervisor or school contact gets the placements they are named on and
only the texts they wrote themselves: the rest is the student's.
"""

from __future__ import annotations

from django.db.models import Q

from placements.models import Placement

#: Which written parts of a conversation each role wrote.
OWN_TEXTS = {
    "student": ("student_reflection",),
    "practice_supervisor": ("supervisor_assessment",),
    "school_contact": ("assessment",),
}
ALL_TEXTS = ("assessment", "supervisor_assessment", "student_reflection")


def _role(placement: Placement, user) -> str:
    if placement.student_id == user.pk:
        return "student"
    return "practice_supervisor" if placement.practice_supervisor_id == user.pk else "school_contact"


def placements_export(user, language: str) -> list[dict]:
    placements = (
        Placement.objects.filter(Q(student=user) | Q(practice_supervisor=user) | Q(school_contact=user))
        .prefetch_related("conversations")
        .order_by("starts_on")
    )
    rows = []
    for placement in placements:
        role = _role(placement, user)
        texts = ALL_TEXTS if role == "student" else OWN_TEXTS[role]
        rows.append(
            {
                "role": role,
                "workplace": placement.workplace,
                "starts_on": placement.starts_on.isoformat(),
                "ends_on": placement.ends_on.isoformat(),
                "status": placement.status,
                "conversations": [
                    {
                        "number": conversation.number,
                        "planned_on": conversation.planned_on.isoformat(),
                        "status": conversation.status,
                        "held_on": conversation.held_on.isoformat() if conversation.held_on else None,
                        **{name: getattr(conversation, name) for name in texts},
                    }
                    for conversation in placement.conversations.all()
                ],
            }
        )
    return rows
