"""The teacher dashboard on the site: a teacher's cohorts, each cohort's matrix, a participant's timeline.

Views only translate HTTP to calls of ``lms.dashboard`` and back. A teacher reaches only
the cohorts they teach (others' cohorts and participants are 404s); superusers reach all.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.dashboard import (
    DEFAULT_INACTIVE_DAYS,
    Bucket,
    MarkDoneRefused,
    cohort_matrix,
    is_participant,
    mark_done,
)
from lms.dashboard_export import FORMATS, export_response
from lms.invitations import pending_invitations
from lms.models import Cohort
from lms.timeline import learner_timeline

#: Participants per page of the matrix on screen; chart, inactivity list and exports cover all.
ROWS_PER_PAGE = 50


class InactivityForm(forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("No activity for at least this many days"),
        min_value=1,
        max_value=365,
        initial=DEFAULT_INACTIVE_DAYS,
    )


def taught_cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    """The cohort if the signed-in user teaches it (or is a superuser); 404 otherwise."""
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    if not permissions.can_view_cohort(request.user, cohort):
        raise Http404(_("No cohort of yours has this number."))
    return cohort


def cohort_participant(request: HttpRequest, cohort: Cohort, learner_id: int):
    learner = get_object_or_404(get_user_model(), pk=learner_id)
    if not (permissions.can_view_learner(request.user, learner) and is_participant(cohort, learner)):
        raise Http404(_("This cohort has no such participant."))
    return learner


def chart_bars(buckets: list[Bucket], height: int = 160) -> list[dict]:
    """Where each bar of the distribution chart goes in the SVG (see cohort.html)."""
    return [
        {
            "bucket": bucket,
            "x": 40 + index * 100,
            "centre": 80 + index * 100,
            "height": round(height * bucket.height / 100),
            "y": 30 + height - round(height * bucket.height / 100),
        }
        for index, bucket in enumerate(buckets)
    ]


@login_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    if not permissions.is_teacher(request.user):
        raise PermissionDenied(_("Only teachers have a teaching dashboard."))
    cohorts = (
        permissions.cohorts_taught_by(request.user)
        .annotate(participant_count=Count("members", distinct=True))
        .prefetch_related("courses")
        .select_related("organisation")
    )
    return render(
        request,
        "lms/teaching/cohort_list.html",
        {"cohorts": cohorts},
    )


@login_required
def cohort_dashboard(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = taught_cohort(request, cohort_id)
    matrix = cohort_matrix(cohort, get_language())
    form = InactivityForm(request.GET if "days" in request.GET else None)
    days = form.cleaned_data["days"] if form.is_bound and form.is_valid() else DEFAULT_INACTIVE_DAYS
    rows = Paginator(matrix.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    buckets = matrix.distribution()
    return render(
        request,
        "lms/teaching/cohort.html",
        {
            "cohort": cohort,
            "matrix": matrix,
            "rows": rows,
            "form": form,
            "days": days,
            "inactive": matrix.inactive(days),
            "buckets": buckets,
            "bars": chart_bars(buckets),
            "mark_done": True,
            "export_formats": list(FORMATS),
            "invited": pending_invitations(cohort),
        },
    )


@login_required
def learner_view(request: HttpRequest, cohort_id: int, learner_id: int) -> HttpResponse:
    cohort = taught_cohort(request, cohort_id)
    learner = cohort_participant(request, cohort, learner_id)
    return render(
        request,
        "lms/teaching/learner.html",
        {
            "cohort": cohort,
            "learner": learner,
            "learner_name": learner.get_full_name() or learner.get_username(),
            "timeline": learner_timeline(cohort, learner, get_language()),
        },
    )


@login_required
def cohort_export(request: HttpRequest, cohort_id: int, file_format: str) -> HttpResponse:
    cohort = taught_cohort(request, cohort_id)
    if file_format not in FORMATS:
        raise Http404(_("The matrix can be exported as CSV or XLSX."))
    return export_response(cohort_matrix(cohort, get_language()), file_format)


@login_required
@require_POST
def mark_lesson_done(request: HttpRequest, cohort_id: int, learner_id: int, lesson_key: uuid.UUID):
    cohort = taught_cohort(request, cohort_id)
    learner = cohort_participant(request, cohort, learner_id)
    try:
        recorded = mark_done(request.user, cohort, learner, lesson_key, get_language())
    except MarkDoneRefused as refusal:
        messages.error(request, str(refusal))
        response = redirect("teaching:cohort", cohort_id=cohort.pk)
        response.status_code = 303
        return response
    name = learner.get_full_name() or learner.get_username()
    if recorded.new:
        messages.success(request, _("The lesson is marked done for %(name)s.") % {"name": name})
    else:
        messages.info(request, _("The lesson had already been marked done for %(name)s.") % {"name": name})
    return redirect("teaching:cohort", cohort_id=cohort.pk)
