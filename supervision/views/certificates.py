"""Supervision certificates on the site: a participant asks for their own for a period, a
supervisor issues or prints one for a participant of their group. Both get the PDF,
always in the participant's language (see ``supervision.certificate_pdf``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms import certificates as lms_certificates
from lms.certificate_pdf import render_pdf
from lms.models import CertificateKind
from lms.views.certificates import verify_url
from supervision.certificates import CertificateRefused, issue
from supervision.forms import IssueForm, PeriodForm
from supervision.views.access import supervised_group, visible_group


def _remember_choice(request: HttpRequest, group, data) -> None:
    """Keep what the supervisor chose, so the form after an error shows it again."""
    request.session[f"supervision-issue-{group.pk}"] = {
        name: data.get(name, "")[:40] for name in ("participant", "start", "end")
    }


def remembered_issue_choice(request: HttpRequest, group) -> dict:
    """The participant and period chosen before an error, once; empty otherwise."""
    chosen = request.session.pop(f"supervision-issue-{group.pk}", None) or {}
    return {name: value for name, value in chosen.items() if value}


def _refused(request: HttpRequest, group, form) -> HttpResponse:
    errors = [str(error) for errors in form.errors.values() for error in errors]
    messages.error(request, " ".join(errors) or _("Check the period."))
    _remember_choice(request, group, request.POST)
    return redirect("supervision:group", group_id=group.pk)


def _download(certificate) -> HttpResponse:
    facts = certificate.supervision_facts
    return redirect("supervision:certificate", group_id=facts.group_id, code=certificate.display_code)


def _issue_and_download(request: HttpRequest, group, participant, form) -> HttpResponse:
    """Issue (or find again) ``participant``'s certificate for the form's period, then send the PDF."""
    try:
        certificate = issue(
            group,
            participant,
            form.cleaned_data["start"],
            form.cleaned_data["end"],
            fallback_language=translation.get_language(),
        )
    except CertificateRefused as refusal:
        messages.error(request, str(refusal))
        _remember_choice(request, group, request.POST)
        return redirect("supervision:group", group_id=group.pk)
    return _download(certificate)


@login_required
@require_POST
def own_certificate(request: HttpRequest, group_id: int) -> HttpResponse:
    """The participant's certificate for the period they chose; issued now if it is new."""
    group, _supervises = visible_group(request, group_id)
    form = PeriodForm(request.POST)
    if not form.is_valid():
        return _refused(request, group, form)
    return _issue_and_download(request, group, request.user, form)


@login_required
@require_POST
def issue_certificate(request: HttpRequest, group_id: int) -> HttpResponse:
    """A supervisor issues (or fetches again) a participant's certificate for a period."""
    group = supervised_group(request, group_id)
    form = IssueForm(request.POST, group=group)
    if not form.is_valid():
        return _refused(request, group, form)
    return _issue_and_download(request, group, form.cleaned_data["participant"], form)


@login_required
@require_GET
def download(request: HttpRequest, group_id: int, code: str) -> HttpResponse:
    """The PDF of a certificate of this group: for its holder and the group's supervisors."""
    group, supervises = visible_group(request, group_id)
    certificate = lms_certificates.find(code)
    allowed = (
        certificate is not None
        and certificate.kind == CertificateKind.SUPERVISION
        and not certificate.withdrawn
        and certificate.supervision_facts.group_id == group.pk
        and (supervises or certificate.user_id == request.user.pk)
    )
    if not allowed:
        raise Http404(_("You have no certificate with this code."))
    pdf = render_pdf(certificate, translation.get_language(), verify_url(request, certificate))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="nordpeer-supervision-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
