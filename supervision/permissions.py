"""Who may see what of group supervision.

- A supervisor sees and runs the groups they supervise, nothing of other groups.
- A coordinator (who may change supervision groups in the admin) and a superuser see
  every group, its sessions and attendance, but not the supervisors' notes.
- The notes are for the group's own supervisors only.
- A participant sees their groups, the sessions and their own attendance; never the
  notes, never anyone else's attendance.
"""

from __future__ import annotations

from django.db.models import QuerySet

from supervision.models import SupervisionGroup

#: What makes a coordinator of group supervision (besides being a superuser).
COORDINATOR_PERMISSION = "supervision.change_supervisiongroup"


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm(COORDINATOR_PERMISSION))


def groups_supervised_by(user) -> QuerySet[SupervisionGroup]:
    """The groups ``user`` runs: every group for a coordinator."""
    if not user.is_authenticated:
        return SupervisionGroup.objects.none()
    if is_coordinator(user):
        return SupervisionGroup.objects.all()
    return SupervisionGroup.objects.filter(supervisors=user)


def is_supervisor(user) -> bool:
    return user.is_authenticated and (is_coordinator(user) or user.supervised_groups.exists())


def can_supervise(user, group: SupervisionGroup) -> bool:
    return groups_supervised_by(user).filter(pk=group.pk).exists()


def can_read_notes(user, group: SupervisionGroup) -> bool:
    """Only the group's own supervisors: notes are their working material, not a report."""
    return user.is_authenticated and group.supervisors.filter(pk=user.pk).exists()


def groups_of_participant(user) -> QuerySet[SupervisionGroup]:
    if not user.is_authenticated:
        return SupervisionGroup.objects.none()
    return SupervisionGroup.objects.filter(memberships__user=user)


def is_participant(user, group: SupervisionGroup) -> bool:
    return user.is_authenticated and group.memberships.filter(user=user).exists()
