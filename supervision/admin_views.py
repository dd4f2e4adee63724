"""Supervision groups and topics in the Wagtail admin.

Coordinators (with the model permissions, e.g. through a group) manage every group.
A supervisor sees and edits only the groups they supervise: participants, plan and
ground rules. Sessions, attendance and notes are recorded on the site pages.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from supervision import permissions
from supervision.models import SupervisionGroup, Topic

SUPERVISOR_ACTIONS = {"view", "change"}


class SupervisionGroupPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for coordinators; besides, supervisors view and change their own groups."""

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) or (
            action in SUPERVISOR_ACTIONS and permissions.is_supervisor(user)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action in SUPERVISOR_ACTIONS and instance.supervisors.filter(pk=user.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if super().user_has_permission(user, action):
            return SupervisionGroup.objects.all()
        if action in SUPERVISOR_ACTIONS:
            return permissions.groups_supervised_by(user)
        return SupervisionGroup.objects.none()


class OwnGroupsMixin:
    """Other supervisors' groups answer as if they did not exist."""

    def get_object(self, queryset=None):
        group = super().get_object(queryset)
        action = "change" if isinstance(self, generic.EditView) else "view"
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, action, group):
            raise Http404(_("No supervision group of yours has this number."))
        return group


class GroupIndexView(generic.IndexView):
    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class GroupEditView(OwnGroupsMixin, generic.EditView):
    pass


class GroupInspectView(OwnGroupsMixin, generic.InspectView):
    pass


class SupervisionGroupViewSet(ModelViewSet):
    model = SupervisionGroup
    icon = "group"
    menu_label = gettext_lazy("Groups")
    list_display = ["name", "organisation", "starts_on", "ends_on"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "organisation",
        "supervisors",
        "planned_sessions",
        "planned_minutes",
        "plan",
    ]
    index_view_class = GroupIndexView
    edit_view_class = GroupEditView
    inspect_view_class = GroupInspectView
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("supervisors"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("planned_sessions"), FieldPanel("planned_minutes")]),
                FieldPanel("plan"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            heading=gettext_lazy("Plan"),
        ),
        FieldPanel("ground_rules"),
        InlinePanel("memberships", heading=gettext_lazy("Participants"), label=gettext_lazy("Participant")),
    ]


class TopicPermissionPolicy(ModelPermissionPolicy):
    """The usual topics come from code: they can be retired and brought back, not added or deleted."""

    def user_has_permission(self, user, action):
        return action not in {"add", "delete"} and super().user_has_permission(user, action)


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    menu_label = gettext_lazy("Topics")
    form_fields = ["active"]
    list_display = ["__str__", "active"]
    copy_view_enabled = False


class SupervisionViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Supervision")
    menu_icon = "group"
    menu_order = 260
    items = (
        SupervisionGroupViewSet("supervision_groups", url_prefix="supervision/groups"),
        TopicViewSet("supervision_topics", url_prefix="supervision/topics"),
    )
