"""Who is who on a placement, and who may see or write what.

A student sees their own placements, a practice supervisor the placements they supervise, a
school contact their students' placements (while they hold the school contact role), and
coordinators (who may change placements in the admin) all of them. Only the school contact
and coordinators plan and record conversations; the practice supervisor and the student
each write their own part of a held conversation.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from placements.models import Placement

#: The group, created by a migration, that gives the school contact role (a stable English name).
SCHOOL_CONTACTS_GROUP = "School contacts"
SCHOOL_CONTACT_PERMISSION = "placements.be_school_contact"
COORDINATOR_PERMISSION = "placements.change_placement"


def name_of(user) -> str:
    return user.get_full_name() or user.get_username()


def is_school_contact(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(SCHOOL_CONTACT_PERMISSION)


def is_coordinator(user) -> bool:
    return user.is_authenticated and user.has_perm(COORDINATOR_PERMISSION)


def taking_part_in(user) -> Q:
    """The placements ``user`` is in as the student or the practice supervisor."""
    return Q(student=user) | Q(practice_supervisor=user)


def placements_visible_to(user) -> QuerySet[Placement]:
    if not user.is_authenticated:
        return Placement.objects.none()
    if is_coordinator(user):
        return Placement.objects.all()
    mine = taking_part_in(user)
    if is_school_contact(user):
        mine |= Q(school_contact=user)
    return Placement.objects.filter(mine)


def placements_followed_by(user) -> QuerySet[Placement]:
    """The placements in the school contact's overview: every one for a coordinator."""
    if is_coordinator(user):
        return Placement.objects.all()
    if is_school_contact(user):
        return Placement.objects.filter(school_contact=user)
    return Placement.objects.none()


def can_manage(user, placement: Placement) -> bool:
    """Change the placement and plan or record its conversations."""
    return is_coordinator(user) or (is_school_contact(user) and placement.school_contact_id == user.pk)


def is_supervisor_of(user, placement: Placement) -> bool:
    return user.is_authenticated and placement.practice_supervisor_id == user.pk


def is_student_of(user, placement: Placement) -> bool:
    return user.is_authenticated and placement.student_id == user.pk
