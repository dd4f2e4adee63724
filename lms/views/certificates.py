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
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms import certificates
from lms.certificate_pdf import render_pdf
from lms.models import Certificate
from website.languages import LanguageLink, PageLanguages, is_language, language_codes, native_name


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


def _reader_language(request) -> str:
    """/verify/ has no language prefix: ``?lang=`` chooses, else the browser's languages do."""
    wanted = request.GET.get("lang", "")
    return wanted if is_language(wanted) else translation.get_language()


def _verify_languages(request, current: str) -> PageLanguages:
    """The language switcher of a /verify/ page: the same page with ``?lang=`` for each language."""
    links = [
        LanguageLink(
            code=code,
            name=native_name(code),
            url=f"{request.path}?lang={code}",
            shown_in=None,
            is_current=code == current,
        )
        for code in language_codes()
    ]
    return PageLanguages(links=links, alternates=[], x_default=None, requested=None)


def _render_in(request, language: str, template: str, context: dict, status: int) -> HttpResponse:
    with translation.override(language):
        context["languages"] = _verify_languages(request, language)
        response = render(request, template, context, status=status)
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@require_GET
def verify_form(request):
    """Where someone types a code from a certificate; a well-formed one goes to its check page."""
    typed = request.GET.get("code", "")
    language = _reader_language(request)
    error = None
    if typed:
        code = certificates.normalise_code(typed)
        if code:
            chosen = f"?lang={language}" if is_language(request.GET.get("lang")) else ""
            return redirect(reverse("verify:certificate", args=[code]) + chosen)
        with translation.override(language):
            error = _("A verification code has twelve letters and digits, such as 7KQ2-M9XD-4HTB.")
    context = {"typed": typed, "error": error, "language": language}
    return _render_in(request, language, "lms/certificates/verify_form.html", context, 400 if error else 200)


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
    language = _reader_language(request)
    context = {
        "certificate": certificate if status == 200 else None,
        "status": status,
        "typed": code[:40],
        "language": language,
    }
    if status == 200:
        # The course or group's title in the reader's language, along its fallback chain.
        context["title"] = certificates.title_in(certificate, language)
    response = _render_in(request, language, "lms/certificates/verify.html", context, status)
    response["X-Robots-Tag"] = "noindex"
    return response
