"""Cohorts in the Wagtail admin: admins manage them all; teachers see their own and enrol people by CSV."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.forms.models import formfield_for_dbfield as admin_formfield_for_dbfield
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from lms import permissions
from lms.bulk_enrolment import BulkEnrolmentError, Outcome, bulk_enrol, max_bytes, max_rows
from lms.invitations import invite_by_email, pending_invitations
from lms.models import Cohort


class CohortPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for admins; besides, a teacher may view the cohorts they teach."""

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) or (
            action == "view" and permissions.is_teacher(user)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action == "view" and permissions.can_view_cohort(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if super().user_has_permission(user, action):
            return Cohort.objects.all()
        if action == "view":
            return permissions.cohorts_taught_by(user)
        return Cohort.objects.none()


class CohortIndexView(generic.IndexView):
    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class CohortInspectView(generic.InspectView):
    template_name = "lms/admin/cohort_inspect.html"

    def get_object(self, queryset=None):
        cohort = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "view", cohort):
            raise Http404(_("No cohort of yours has this number."))
        return cohort

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participants"] = self.object.members.order_by("last_name", "first_name", "username")
        context["can_enrol"] = permissions.can_enrol_into_cohort(self.request.user, self.object)
        context["bulk_enrol_url"] = reverse("lms_cohorts:bulk_enrol", args=[self.object.pk])
        context["invite_url"] = reverse("lms_cohorts:invite", args=[self.object.pk])
        context["invited"] = pending_invitations(self.object)
        return context


class BulkEnrolmentForm(forms.Form):
    csv_file = forms.FileField(
        label=gettext_lazy("List of people (CSV file)"),
        help_text=gettext_lazy(
            "A CSV file in UTF-8, values separated by commas or semicolons. The first line names the "
            "columns: email (required), name and language (optional). One person per line."
        ),
    )


class InviteOneForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=150)
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("Used only if the person has no account yet."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the invitation"),
        required=False,
        choices=[("", gettext_lazy("The course's language")), *settings.LANGUAGES],
    )


class CohortFormView(WagtailAdminTemplateMixin, FormView):
    """An admin form about one cohort, for those who may enrol people into it."""

    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_enrol_into_cohort(request.user, self.cohort):
            # Teachers of other cohorts learn nothing about this one.
            raise Http404(_("No cohort of yours has this number."))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def cohort(self) -> Cohort:
        return get_object_or_404(Cohort, pk=self.kwargs["pk"])

    def breadcrumb(self, label: str) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("lms_cohorts:index"), "label": _("Cohorts")},
            {"url": reverse("lms_cohorts:inspect", args=[self.cohort.pk]), "label": self.cohort.name},
            {"url": "", "label": label},
        ]

    def base_url(self) -> str:
        # Links in e-mails go to BASE_URL, whatever host the editor's request came in by.
        return settings.WAGTAILADMIN_BASE_URL


class InviteOneView(CohortFormView):
    """Invite one person by e-mail address. The answer is the same whether the address has an account."""

    template_name = "lms/admin/cohort_invite.html"
    form_class = InviteOneForm

    def get_page_title(self) -> str:
        return _("Invite someone into %(cohort)s") % {"cohort": self.cohort.name}

    def get_breadcrumbs_items(self):
        return self.breadcrumb(_("Invite one person"))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "cohort": self.cohort}

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        invite_by_email(
            self.cohort,
            email,
            name=form.cleaned_data["name"],
            language=form.cleaned_data["language"],
            invited_by=self.request.user,
            base_url=self.base_url(),
        )
        messages.success(
            self.request,
            _(
                "An invitation to %(cohort)s is on its way to %(email)s, unless that address cannot be "
                "invited. They join when they accept it."
            )
            % {"cohort": self.cohort.name, "email": email},
        )
        return redirect("lms_cohorts:inspect", self.cohort.pk)


class BulkEnrolmentView(CohortFormView):
    """Upload a CSV of people to invite into a cohort; every row is reported, refused rows change nothing."""

    template_name = "lms/admin/cohort_bulk_enrol.html"
    form_class = BulkEnrolmentForm

    def get_page_title(self) -> str:
        return _("Enrol people into %(cohort)s") % {"cohort": self.cohort.name}

    def get_breadcrumbs_items(self):
        return self.breadcrumb(_("Enrol from a CSV file"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(cohort=self.cohort, max_rows=max_rows(), max_kb=max_bytes() // 1024, Outcome=Outcome)
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["csv_file"]
        data = upload.read(max_bytes() + 1)
        try:
            report = bulk_enrol(self.cohort, data, invited_by=self.request.user, base_url=self.base_url())
        except BulkEnrolmentError as error:
            form.add_error("csv_file", str(error))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=BulkEnrolmentForm(), report=report))


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    menu_order = 250
    add_to_admin_menu = True
    form_fields = ["name", "organisation", "courses", "teachers", "starts_on", "ends_on"]
    list_display = ["name", "organisation", "starts_on", "ends_on"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "organisation", "courses", "teachers", "starts_on", "ends_on"]
    index_view_class = CohortIndexView
    inspect_view_class = CohortInspectView

    def formfield_for_dbfield(self, db_field, **kwargs):
        # Wagtail's admin form fields (website/admin_choices.py): people by name and e-mail, and
        # each partner and course once, not once per language.
        return admin_formfield_for_dbfield(db_field, **kwargs)

    @property
    def bulk_enrol_view(self):
        return BulkEnrolmentView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/enrol/", self.bulk_enrol_view, name="bulk_enrol"),
            path("<int:pk>/invite/", InviteOneView.as_view(), name="invite"),
        ]


cohort_viewset = CohortViewSet("lms_cohorts", url_prefix="lms/cohorts")
