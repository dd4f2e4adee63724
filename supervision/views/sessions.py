"""Supervisors' pages for a session: planning it, recording attendance, and their notes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from supervision import overview, permissions
from supervision.forms import NoteForm, SessionForm, read_attendance
from supervision.models import Attendance, Session, SupervisionGroup
from supervision.sessions import add_note, record_attendance, save_session
from supervision.views.access import session_of, supervised_group


def _session_form_page(request: HttpRequest, group: SupervisionGroup, session: Session | None):
    if request.method == "POST":
        form = SessionForm(request.POST, session=session)
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = save_session(
                    group,
                    by=request.user,
                    date=data["date"],
                    starts_at=data["starts_at"],
                    duration_minutes=data["duration"],
                    place=data["place"],
                    online_link=data["online_link"],
                    topics=data["topics"],
                    free_topics=data["free_topics"],
                    session=session,
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The session is saved."))
                return redirect("supervision:session", group_id=group.pk, session_id=saved.pk)
        status = 400
    else:
        form = SessionForm(initial=SessionForm.initial_for(group, session), session=session)
        status = 200
    return render(
        request,
        "supervision/session_form.html",
        {"group": group, "session": session, "form": form},
        status=status,
    )


@login_required
def new_session(request: HttpRequest, group_id: int) -> HttpResponse:
    return _session_form_page(request, supervised_group(request, group_id), None)


@login_required
def edit_session(request: HttpRequest, group_id: int, session_id: int) -> HttpResponse:
    group = supervised_group(request, group_id)
    return _session_form_page(request, group, session_of(group, session_id))


def _session_page(request, group, session, *, note_form=None, attendance_error="", status=200):
    recorded = {a.user_id: a.status for a in session.attendance.all()}
    participants = [{"row": row, "status": recorded.get(row.user.pk, "")} for row in overview.roster(group)]
    can_read_notes = permissions.can_read_notes(request.user, group)
    context = {
        "group": group,
        "session": session,
        "participants": participants,
        "statuses": Attendance.Status.choices,
        "attendance_error": attendance_error,
        "can_read_notes": can_read_notes,
    }
    if can_read_notes:
        context["notes"] = session.notes.select_related("author")
        context["note_form"] = note_form or NoteForm()
    return render(request, "supervision/session_detail.html", context, status=status)


@login_required
def session_detail(request: HttpRequest, group_id: int, session_id: int) -> HttpResponse:
    group = supervised_group(request, group_id)
    return _session_page(request, group, session_of(group, session_id))


@login_required
@require_POST
def save_attendance(request: HttpRequest, group_id: int, session_id: int) -> HttpResponse:
    group = supervised_group(request, group_id)
    session = session_of(group, session_id)
    try:
        count = record_attendance(session, by=request.user, statuses=read_attendance(request.POST))
    except ValidationError as refusal:
        return _session_page(request, group, session, attendance_error=" ".join(refusal.messages), status=400)
    saved = ngettext(
        "Attendance is saved for %(count)s person.", "Attendance is saved for %(count)s people.", count
    )
    messages.success(request, saved % {"count": count})
    return redirect("supervision:session", group_id=group.pk, session_id=session.pk)


@login_required
@require_POST
def save_note(request: HttpRequest, group_id: int, session_id: int) -> HttpResponse:
    group = supervised_group(request, group_id)
    session = session_of(group, session_id)
    if not permissions.can_read_notes(request.user, group):
        # Coordinators see the group but the notes are the group's supervisors' own.
        messages.error(request, _("Only the group's supervisors write and read its notes."))
        return redirect("supervision:session", group_id=group.pk, session_id=session.pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            add_note(
                session,
                author=request.user,
                text=form.cleaned_data["text"],
                names_participant=form.cleaned_data["names_participant"],
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("The note is saved."))
            return redirect("supervision:session", group_id=group.pk, session_id=session.pk)
    return _session_page(request, group, session, note_form=form, status=400)
