"""Erasure requests in the Wagtail admin: superusers see them and carry them out."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from lms import privacy
from lms.models import ErasureRequest


class ErasurePermissionPolicy(ModelPermissionPolicy):
    """Only superusers deal with erasure, and only by looking and carrying out: the requests are
    a record of what was done, so nobody adds, edits or deletes them by hand."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in {"view", "carry_out"}

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        if self.user_has_permission(user, action):
            return ErasureRequest.objects.all()
        return ErasureRequest.objects.none()


class ErasureIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status == ErasureRequest.Status.PENDING:
            buttons.append(
                MenuItem(
                    _("Carry out erasure"),
                    url=reverse("lms_erasure_requests:carry_out", args=[instance.pk]),
                    icon_name="bin",
                    priority=5,
                )
            )
        return buttons


class CarryOutErasureView(WagtailAdminTemplateMixin, TemplateView):
    """Says what will go; the POST of its form erases it."""

    template_name = "lms/admin/carry_out_erasure.html"
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not ErasurePermissionPolicy(ErasureRequest).user_has_permission(request.user, "carry_out"):
            raise PermissionDenied
        self.erasure = get_object_or_404(ErasureRequest, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Carry out erasure")

    def get_page_subtitle(self):
        return str(self.erasure)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["erasure"] = self.erasure
        context["index_url"] = reverse("lms_erasure_requests:index")
        return context

    def post(self, request, *args, **kwargs):
        try:
            summary = privacy.carry_out(self.erasure, by=request.user)
        except privacy.ErasureError as error:
            messages.error(request, str(error))
            return redirect("lms_erasure_requests:index")
        messages.success(
            request,
            _(
                "The data is erased and the account deleted. Statements: %(statements)s; lesson records: "
                "%(progress)s; enrolments: %(enrolments)s; cohort places: %(memberships)s; certificates "
                "withdrawn: %(certificates)s."
            )
            % {
                "statements": summary["statements"],
                "progress": summary["lesson_progress"],
                "enrolments": summary["enrolments"],
                "memberships": summary["cohort_memberships"],
                "certificates": summary["certificates_withdrawn"],
            },
        )
        return redirect("lms_erasure_requests:index")


class ErasureRequestViewSet(ModelViewSet):
    model = ErasureRequest
    icon = "bin"
    menu_label = gettext_lazy("Erasure requests")
    add_to_settings_menu = True
    list_display = ["__str__", "user", "status", "requested_at", "carried_out_at", "carried_out_by"]
    list_filter = ["status"]
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["user", "status", "requested_at", "carried_out_at", "carried_out_by", "summary"]
    index_view_class = ErasureIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/carry-out/", CarryOutErasureView.as_view(), name="carry_out"),
        ]


erasure_request_viewset = ErasureRequestViewSet("lms_erasure_requests", url_prefix="lms/erasure-requests")
