"""Practice placements on the site, under /<language>/placements/.

Views translate HTTP to calls of ``placements.services`` and back. A placement someone may
not see is a 404 (it does not exist for them); one they may see but not change is a 403.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import Cohort
from lms.permissions import cohorts_taught_by
from placements import permissions, services
from placements.forms import ConversationForm, OverviewFilterForm, PartForm, PlacementForm
from placements.models import AssessmentConversation, Placement
from placements.overview import Show, overview_rows, row_for


def today() -> date:
    return timezone.localdate()


def visible_placement(request: HttpRequest, placement_id: int) -> Placement:
    placement = (
        permissions.placements_visible_to(request.user)
        .select_related("student", "practice_supervisor", "school_contact", "cohort")
        .filter(pk=placement_id)
        .first()
    )
    if placement is None:
        raise Http404(_("No placement of yours has this number."))
    return placement


def managed_placement(request: HttpRequest, placement_id: int) -> Placement:
    placement = visible_placement(request, placement_id)
    if not permissions.can_manage(request.user, placement):
        raise PermissionDenied(_("Only the placement's school contact plans and records its conversations."))
    return placement


def conversation_of(placement: Placement, number: int) -> AssessmentConversation:
    if number not in AssessmentConversation.Number.values:
        raise Http404(_("A placement has three assessment conversations: start, midway and final."))
    return get_object_or_404(placement.conversations.select_related("placement"), number=number)


def show_problems(form, error: ValidationError) -> None:
    """Put each message next to its field; messages about things the form lacks go on top."""
    for field, problems in error.message_dict.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def cohorts_for(user) -> QuerySet:
    return cohorts_taught_by(user).order_by("name")


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user, day = request.user, today()
    filter_form = OverviewFilterForm(request.GET or None)
    show = (filter_form.cleaned_data["show"] or Show.ALL) if filter_form.is_valid() else Show.ALL
    follows = permissions.is_school_contact(user) or permissions.is_coordinator(user)
    followed = overview_rows(permissions.placements_followed_by(user), day, show) if follows else []
    return render(
        request,
        "placements/overview.html",
        {
            "today": day,
            "follows": follows,
            "all_placements": permissions.is_coordinator(user),
            "filter_form": filter_form,
            "show": show,
            "followed": followed,
            "late_count": sum(1 for row in followed if row.late),
            "supervised": overview_rows(Placement.objects.filter(practice_supervisor=user), day),
            "own": overview_rows(Placement.objects.filter(student=user), day),
            "can_add": permissions.is_school_contact(user),
        },
    )


@login_required
def placement_detail(request: HttpRequest, placement_id: int) -> HttpResponse:
    placement = visible_placement(request, placement_id)
    user = request.user
    return render(
        request,
        "placements/placement.html",
        {
            "placement": placement,
            "row": row_for(placement, today()),
            "can_manage": permissions.can_manage(user, placement),
            "writes_part": permissions.is_supervisor_of(user, placement)
            or permissions.is_student_of(user, placement),
        },
    )


@login_required
def placement_create(request: HttpRequest) -> HttpResponse:
    if not permissions.is_school_contact(request.user):
        raise PermissionDenied(_("Only school contacts set up placements on the site."))
    form = PlacementForm(request.POST or None, cohorts=cohorts_for(request.user))
    del form.fields["status"]
    if request.method == "POST" and form.is_valid():
        placement = form.apply_to(Placement(school_contact=request.user))
        try:
            services.save_placement(placement, today=today())
        except ValidationError as error:
            show_problems(form, error)
        else:
            messages.success(request, _("The placement is set up with its three conversations."))
            return redirect("placements:placement", placement_id=placement.pk)
    return render(request, "placements/placement_form.html", {"form": form, "placement": None})


@login_required
def placement_edit(request: HttpRequest, placement_id: int) -> HttpResponse:
    placement = managed_placement(request, placement_id)
    # The placement's own cohort stays on offer even if this school contact does not teach it.
    cohorts = cohorts_for(request.user) | Cohort.objects.filter(pk=placement.cohort_id)
    form = PlacementForm(request.POST or None, initial=PlacementForm.initial_for(placement), cohorts=cohorts)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_placement(form.apply_to(placement), today=today(), fields=form.changed_data)
        except ValidationError as error:
            show_problems(form, error)
        else:
            messages.success(request, _("The placement is saved."))
            return redirect("placements:placement", placement_id=placement.pk)
    return render(request, "placements/placement_form.html", {"form": form, "placement": placement})


@login_required
def conversation_record(request: HttpRequest, placement_id: int, number: int) -> HttpResponse:
    placement = managed_placement(request, placement_id)
    conversation = conversation_of(placement, number)
    form = ConversationForm(request.POST or None, initial=ConversationForm.initial_for(conversation))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_conversation(conversation, form.cleaned_data, today=today())
        except ValidationError as error:
            show_problems(form, error)
        else:
            messages.success(
                request, _("%(conversation)s is saved.") % {"conversation": conversation.get_number_display()}
            )
            return redirect("placements:placement", placement_id=placement.pk)
    context = {"form": form, "placement": placement, "conversation": conversation}
    return render(request, "placements/conversation_form.html", context)


@login_required
def conversation_part(request: HttpRequest, placement_id: int, number: int) -> HttpResponse:
    placement = visible_placement(request, placement_id)
    if permissions.is_supervisor_of(request.user, placement):
        field, label = services.SUPERVISOR_PART, _("Your assessment as practice supervisor")
    elif permissions.is_student_of(request.user, placement):
        field, label = services.STUDENT_PART, _("Your reflection")
    else:
        raise PermissionDenied(_("The practice supervisor and the student write their own parts here."))
    conversation = conversation_of(placement, number)
    form = PartForm(request.POST or None, initial={"text": getattr(conversation, field)}, label=label)
    if request.method == "POST" and form.is_valid():
        try:
            services.write_part(conversation, field, form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(
                "text", [problem for problems in error.message_dict.values() for problem in problems]
            )
        else:
            messages.success(request, _("Your part is saved."))
            return redirect("placements:placement", placement_id=placement.pk)
    context = {
        "form": form,
        "placement": placement,
        "conversation": conversation,
        "is_held": conversation.status == AssessmentConversation.Status.HELD,
    }
    return render(request, "placements/part_form.html", context)
