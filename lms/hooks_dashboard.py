"""Admin wiring of the teacher dashboard: the cohort progress report under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms import permissions
from lms.dashboard_admin import CohortProgressIndexView, CohortProgressView


class TeacherMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return permissions.is_teacher(request.user)


@hooks.register("register_admin_urls")
def register_cohort_progress_urls():
    return [
        path("reports/cohort-progress/", CohortProgressIndexView.as_view(), name="lms_cohort_progress"),
        path(
            "reports/cohort-progress/results/",
            CohortProgressIndexView.as_view(results_only=True),
            name="lms_cohort_progress_results",
        ),
        path(
            "reports/cohort-progress/<int:cohort_id>/",
            CohortProgressView.as_view(),
            name="lms_cohort_progress_matrix",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_cohort_progress_menu_item():
    return TeacherMenuItem(
        _("Cohort progress"),
        reverse("lms_cohort_progress"),
        name="cohort-progress",
        icon_name="group",
        order=1200,
    )
