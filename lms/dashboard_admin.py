"""The teacher dashboard as Wagtail admin reports: the cohorts one teaches, and each one's matrix.

The data and the exports are those of the site's dashboard (``lms.dashboard``,
``lms.dashboard_export``); these views only put them in the admin's frame.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from lms import permissions
from lms.dashboard import CohortMatrix, cohort_matrix
from lms.dashboard_export import export_response
from lms.models import Cohort
from lms.views.teaching import chart_bars


class TeacherReportMixin:
    """Teachers and superusers only. Refusals are Wagtail's: back to the dashboard with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_teacher(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CohortProgressIndexView(TeacherReportMixin, ReportView):
    page_title = gettext_lazy("Cohort progress")
    header_icon = "group"
    index_url_name = "lms_cohort_progress"
    index_results_url_name = "lms_cohort_progress_results"
    verbose_name_plural = gettext_lazy("cohorts")
    columns = [
        TitleColumn(
            "name",
            label=gettext_lazy("Cohort"),
            get_url=lambda cohort: reverse("lms_cohort_progress_matrix", args=[cohort.pk]),
        ),
        Column("participant_count", label=gettext_lazy("Participants")),
        Column("organisation", label=gettext_lazy("Partner organisation")),
        DateColumn("starts_on", label=gettext_lazy("Starts")),
        DateColumn("ends_on", label=gettext_lazy("Ends")),
    ]

    def get_queryset(self):
        return (
            permissions.cohorts_taught_by(self.request.user)
            .annotate(participant_count=Count("members", distinct=True))
            .select_related("organisation")
            .order_by("-starts_on", "name")
        )


class CohortProgressView(TeacherReportMixin, ReportView):
    """One cohort's participants × lessons; ``?export=csv|xlsx`` downloads the whole matrix."""

    template_name = "lms/admin/cohort_progress.html"
    results_template_name = "lms/admin/cohort_progress_results.html"
    header_icon = "group"
    #: Participants per page on screen; the exports hold them all.
    paginate_by = 50
    #: Not used for the columns (``lms.dashboard_export`` defines them); it switches the export buttons on.
    list_export = ["matrix"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort_id = kwargs["cohort_id"]

    @cached_property
    def cohort(self) -> Cohort:
        # Not found and not yours look the same: no telling which cohorts exist.
        cohort = permissions.cohorts_taught_by(self.request.user).filter(pk=self.cohort_id).first()
        if cohort is None:
            raise PermissionDenied
        return cohort

    @cached_property
    def matrix(self) -> CohortMatrix:
        return cohort_matrix(self.cohort, get_language())

    def get_page_title(self) -> str:
        return _("Cohort progress: %(name)s") % {"name": self.cohort.name}

    def get_breadcrumbs_items(self):
        report = {"url": reverse("lms_cohort_progress"), "label": _("Cohort progress")}
        return [*self.breadcrumbs_items, report, {"url": "", "label": self.cohort.name}]

    def get_index_url(self):
        return reverse("lms_cohort_progress_matrix", args=[self.cohort_id])

    def get_queryset(self):
        return self.matrix.rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        buckets = self.matrix.distribution()
        context.update(matrix=self.matrix, buckets=buckets, bars=chart_bars(buckets), mark_done=False)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            return export_response(self.matrix, self.request.GET["export"])
        return super().render_to_response(context, **response_kwargs)
