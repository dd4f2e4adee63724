"""The supervision pages on the site, under /<language>/supervision/.

Supervisors see the groups they run: plan, sessions, roster with hours and the ground
rules each participant accepted. Participants see their groups: first the ground rules
to accept, then the sessions and their own attendance, and their certificates.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from supervision import overview, permissions
from supervision.certificates import certificates_for
from supervision.forms import IssueForm, PeriodForm
from supervision.groups import accept_ground_rules, has_accepted_current_rules
from supervision.views.access import supervised_group, visible_group
from supervision.views.certificates import remembered_issue_choice


@login_required
@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    supervised = (
        permissions.groups_supervised_by(request.user)
        .annotate(participant_count=Count("memberships", distinct=True))
        .prefetch_related("supervisors")
    )
    taking_part = permissions.groups_of_participant(request.user).prefetch_related("supervisors")
    return render(
        request,
        "supervision/group_list.html",
        {"supervised": supervised, "taking_part": taking_part},
    )


@login_required
@require_GET
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    group, supervises = visible_group(request, group_id)
    if supervises:
        return render(
            request,
            "supervision/group_supervisor.html",
            {
                "group": group,
                "plan": overview.plan_of(group),
                "sessions": overview.sessions_with_counts(group),
                "roster": overview.roster(group),
                "rules": group.current_rules(),
                # After a refused certificate, the participant and period chosen stay chosen.
                "issue_form": IssueForm(
                    initial={**IssueForm.initial_for(group), **remembered_issue_choice(request, group)},
                    group=group,
                ),
                "certificates": certificates_for(group)[:50],
                "today": timezone.localdate(),
            },
        )
    accepted = has_accepted_current_rules(group, request.user)
    context = {"group": group, "rules": group.current_rules(), "accepted": accepted}
    if accepted:
        context.update(
            plan=overview.plan_of(group),
            sessions=overview.own_sessions(group, request.user),
            hours=overview.own_hours(group, request.user),
            period_form=PeriodForm(initial=PeriodForm.initial_for(group)),
            certificates=certificates_for(group, request.user),
        )
    return render(request, "supervision/group_participant.html", context)


@login_required
@require_POST
def accept_rules(request: HttpRequest, group_id: int) -> HttpResponse:
    group, supervises = visible_group(request, group_id)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    try:
        accept_ground_rules(group, request.user, version)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("Thank you. You have accepted the ground rules of the group."))
    return redirect("supervision:group", group_id=group.pk)


@login_required
@require_GET
def attendance_export(request: HttpRequest, group_id: int) -> HttpResponse:
    group = supervised_group(request, group_id)
    response = HttpResponse(overview.attendance_csv(group), content_type="text/csv; charset=utf-8")
    filename = f"{slugify(group.name) or 'group'}-attendance-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
