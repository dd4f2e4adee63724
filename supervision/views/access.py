"""Finding the group or session a request is about, for the people who may see it (404 otherwise).

Other people's groups answer exactly like groups that do not exist: a supervisor learns
nothing about groups that are not theirs.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from supervision import permissions
from supervision.models import Session, SupervisionGroup


def _not_yours() -> Http404:
    return Http404(_("No supervision group of yours has this number."))


def supervised_group(request: HttpRequest, group_id: int) -> SupervisionGroup:
    group = SupervisionGroup.objects.filter(pk=group_id).first()
    if group is None or not permissions.can_supervise(request.user, group):
        raise _not_yours()
    return group


def visible_group(request: HttpRequest, group_id: int) -> tuple[SupervisionGroup, bool]:
    """The group and whether the user supervises it (else they take part in it)."""
    group = SupervisionGroup.objects.filter(pk=group_id).first()
    if group is not None and permissions.can_supervise(request.user, group):
        return group, True
    if group is not None and permissions.is_participant(request.user, group):
        return group, False
    raise _not_yours()


def session_of(group: SupervisionGroup, session_id: int) -> Session:
    return get_object_or_404(Session.objects.prefetch_related("topics"), pk=session_id, group=group)
