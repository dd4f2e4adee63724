"""Certificates: the learner's list and downloads (language-prefixed), and the public check.

Only the holder (and superusers) may download a certificate; anyone with a code may
check it at /verify/<code>/, which shows the course, the date and the name as printed,
nothing else about the person.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms import certificates
from lms.certificate_pdf import render_pdf
from lms.models import Certificate


def verify_url(request, certificate: Certificate) -> str:
    return request.build_absolute_uri(reverse("verify:certificate", args=[certificate.display_code]))


def _pdf_response(request, certificate: Certificate) -> HttpResponse:
    pdf = render_pdf(certificate, translation.get_language(), verify_url(request, certificate))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="nordpeer-certificate-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_list(request):
    held = certificates.certificates_of(request.user)
    language = translation.get_language()
    rows = [(certificate, certificates.title_in(certificate, language)) for certificate in held]
    return render(request, "lms/certificates/list.html", {"rows": rows})


@login_required
@require_GET
def course_certificate(request, course_key: uuid.UUID):
    """The learner's certificate for a course, issued on this first request if it is due."""
    try:
        certificate = certificates.issue_for_course(request.user, course_key)
    except certificates.NotEligible as refusal:
        messages.error(request, str(refusal))
        return redirect("certificates:list")
    if certificate.withdrawn:
        raise Http404(_("This certificate has been withdrawn."))
    return _pdf_response(request, certificate)


@login_required
@require_GET
def download(request, code: str):
    """A certificate by its code: its holder's, or anyone's for a superuser."""
    certificate = certificates.find(code)
    allowed = certificate is not None and (
        request.user.is_superuser or certificate.user_id == request.user.pk
    )
    if not allowed or certificate.withdrawn:
        # The same answer whether the code exists or not: it is not theirs to download.
        raise Http404(_("You have no certificate with this code."))
    return _pdf_response(request, certificate)


@require_GET
def verify_form(request):
    """Where someone types a code from a certificate; a well-formed one goes to its check page."""
    typed = request.GET.get("code", "")
    error = None
    if typed:
        code = certificates.normalise_code(typed)
        if code:
            return redirect("verify:certificate", code=code)
        error = _("A verification code has twelve letters and digits, such as 7KQ2-M9XD-4HTB.")
    return render(
        request,
        "lms/certificates/verify_form.html",
        {"typed": typed, "error": error, "languages": None},
        status=400 if error else 200,
    )


@require_GET
def verify(request, code: str):
    """The public check of a certificate: valid (200), withdrawn (410) or unknown (404)."""
    certificate = certificates.find(code)
    if certificate is None:
        status = 404
    elif certificate.withdrawn:
        status = 410
    else:
        status = 200
    context = {
        "certificate": certificate if status == 200 else None,
        "status": status,
        "typed": code[:40],
        "languages": None,
    }
    if status == 200:
        context["title"] = certificates.title_in(certificate, translation.get_language())
    response = render(request, "lms/certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
