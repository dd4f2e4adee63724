"""Admin wiring of group supervision: groups (for coordinators and their supervisors) and topics."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from supervision.admin_views import (
    SupervisionGroupPermissionPolicy,
    SupervisionViewSetGroup,
    TopicPermissionPolicy,
)
from supervision.models import SupervisionGroup, Topic

register_permission_policy(SupervisionGroup, SupervisionGroupPermissionPolicy(SupervisionGroup))
register_permission_policy(Topic, TopicPermissionPolicy(Topic))


@hooks.register("register_admin_viewset")
def register_supervision_viewsets():
    return SupervisionViewSetGroup()
