"""The header's links by role, for every page: the learning, teaching, supervision and placement
parts a signed-in person is part of. Lazy, so a page that shows no header pays nothing."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists
from django.utils.functional import SimpleLazyObject

from lms.models import Certificate, Enrolment
from placements.permissions import is_coordinator, is_school_contact, placements_visible_to
from supervision.permissions import groups_of_participant
from supervision.permissions import is_coordinator as is_supervision_coordinator


def roles_of(user) -> dict[str, bool]:
    """Which of the header's role links the signed-in person gets: only those that concern them.

    The same rules as lms, supervision and placements permissions, asked in one query for the
    person's records (plus the permission lookups Django caches on the user for the request).
    """
    if user is None or not user.is_authenticated:
        return {}
    supervision_coordinator = is_supervision_coordinator(user)
    placements_staff = is_school_contact(user) or is_coordinator(user)
    has = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            teaching=Exists(user.teaching_cohorts.all()),
            supervising=Exists(user.supervised_groups.all()),
            participating=Exists(groups_of_participant(user)),
            placements=Exists(placements_visible_to(user)),
            enrolled=Exists(Enrolment.objects.filter(user=user)),
            certified=Exists(Certificate.objects.filter(user=user)),
        )
        .first()
    )
    if has is None:  # the account was deleted during the request
        return {}
    return {
        "teaching": user.is_superuser or has["teaching"],
        "supervision": supervision_coordinator or has["supervising"] or has["participating"],
        "placements": placements_staff or has["placements"],
        "certificates": has["enrolled"] or has["certified"],
    }


def role_links(request) -> dict:
    user = getattr(request, "user", None)
    return {"roles": SimpleLazyObject(lambda: roles_of(user))}
