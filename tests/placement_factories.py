"""Builders for practice placements: people in their roles and placements made through the service."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import Group

from placements import services
from placements.models import Placement
from placements.permissions import SCHOOL_CONTACTS_GROUP
from tests.factories import make_user

#: A Monday: conversations then fall on 13 January, 10 February and 17 March 2025.
START = date(2025, 1, 6)


def person(username: str, first_name: str = "", last_name: str = ""):
    user = make_user(username)
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


def school_contact(username: str, first_name: str = "", last_name: str = ""):
    """A member of staff in the group (made by a migration) that gives the school contact role."""
    user = person(username, first_name, last_name)
    user.groups.add(Group.objects.get(name=SCHOOL_CONTACTS_GROUP))
    return user


def make_placement(
    student, practice_supervisor, contact, starts_on: date = START, today: date | None = None, **fields
) -> Placement:
    """A twelve-week placement with its three conversations, set up a week before it starts."""
    fields.setdefault("workplace", "Aktivitetssenteret")
    placement = Placement(
        student=student,
        practice_supervisor=practice_supervisor,
        school_contact=contact,
        starts_on=starts_on,
        **fields,
    )
    return services.save_placement(placement, today=today or starts_on - timedelta(days=7))


def snapshot() -> tuple[list, list]:
    """Every placement and conversation as stored, to show that bad input changed nothing."""
    from placements.models import AssessmentConversation

    return (
        list(Placement.objects.order_by("pk").values()),
        list(AssessmentConversation.objects.order_by("pk").values()),
    )
