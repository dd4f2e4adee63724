"""The header's links by role, for every page: the learning, teaching, supervision and placement
parts a signed-in person is part of. Lazy, so a page that shows no header pays nothing."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from lms.models import Certificate, Enrolment
from lms.permissions import is_teacher
from placements.permissions import is_coordinator, is_school_contact, placements_visible_to
from supervision.permissions import groups_of_participant, is_supervisor


def roles_of(user) -> dict[str, bool]:
    """Which of the header's role links the signed-in person gets: only those that concern them."""
    if user is None or not user.is_authenticated:
        return {}
    return {
        "teaching": is_teacher(user),
        "supervision": is_supervisor(user) or groups_of_participant(user).exists(),
        "placements": is_school_contact(user) or is_coordinator(user) or placements_visible_to(user).exists(),
        "certificates": Enrolment.objects.filter(user=user).exists()
        or Certificate.objects.filter(user=user).exists(),
    }


def role_links(request) -> dict:
    user = getattr(request, "user", None)
    return {"roles": SimpleLazyObject(lambda: roles_of(user))}
