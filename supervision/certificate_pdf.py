"""The supervision certificate as a PDF, drawn like the course certificate (lms.certificate_pdf).

It is printed in the language stored on it (the holder's when it was issued), whoever
downloads it and from whichever language's pages: a supervisor in Riga printing a
Norwegian participant's certificate gets it in Norwegian.
"""

from __future__ import annotations

import io

from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from lms.certificate_pdf import (
    ACCENT,
    BOLD,
    INK,
    MUTED,
    REGULAR,
    centred_lines,
    checked_in,
    draw_frame,
    register_fonts,
)
from lms.certificates import title_in
from lms.models import Certificate
from supervision.models import SupervisionCertificate
from supervision.topics import topic_name


def topics_in(facts: SupervisionCertificate, language: str) -> list[str]:
    """The topics covered: the usual ones named in ``language``, then the others as written."""
    return [topic_name(code, language) for code in facts.topic_codes] + list(facts.free_topics)


def printed_lines(certificate: Certificate) -> dict:
    """Everything the certificate says, in its language; the PDF and the tests read the same."""
    facts = certificate.supervision_facts
    language = facts.language
    with translation.override(language):
        period = _("Period: %(start)s – %(end)s") % {
            "start": formats.date_format(facts.period_start, "DATE_FORMAT"),
            "end": formats.date_format(facts.period_end, "DATE_FORMAT"),
        }
        attended = " · ".join(
            [
                _("Hours attended: %(hours)s") % {"hours": formats.number_format(facts.hours)},
                _("Sessions attended: %(count)s") % {"count": facts.sessions_attended},
            ]
        )
        supervisors = (
            _("Supervisors: %(names)s") % {"names": ", ".join(facts.supervisor_names)}
            if facts.supervisor_names
            else ""
        )
        return {
            "language": language,
            "heading": _("Supervision certificate"),
            "statement": _("has taken part in group supervision in"),
            "title": title_in(certificate, language),
            "period": period,
            "attended": attended,
            "supervisors": supervisors,
            "topics_heading": _("Topics covered"),
            "topics": topics_in(facts, language),
            "code": _("Verification code: %(code)s") % {"code": certificate.display_code},
        }


def _fitting_size(text: str, width: float, room: float) -> float:
    """The largest of the usual sizes at which ``text`` fits in ``room`` points of height."""
    for size in (12, 11, 10, 9, 8, 7):
        if len(simpleSplit(text, REGULAR, size, width)) * size * 1.3 <= room:
            return size
    return 6


def render_supervision_pdf(certificate: Certificate, language: str, verify_url: str) -> bytes:
    """The certificate in its stored language; ``language`` (the page's) is not used on purpose."""
    register_fonts()
    lines = printed_lines(certificate)
    with translation.override(lines["language"]):
        verify_line = _("Check this certificate at %(url)s") % {
            "url": checked_in(verify_url, lines["language"])
        }

    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, lang=lines["language"])
    canvas.setTitle(f"{lines['heading']}: {lines['title']}")
    canvas.setAuthor("Nordpeer")
    canvas.setSubject(lines["title"])
    draw_frame(canvas, width, height)

    text_width = width - 60 * mm
    canvas.setFillColor(ACCENT)
    y = centred_lines(canvas, "Nordpeer", BOLD, 16, height - 30 * mm, text_width)
    canvas.setFillColor(INK)
    y = centred_lines(canvas, lines["heading"], BOLD, 26, y - 5 * mm, text_width)
    y = centred_lines(canvas, certificate.holder_name, BOLD, 22, y - 7 * mm, text_width)
    canvas.setFillColor(MUTED)
    y = centred_lines(canvas, lines["statement"], REGULAR, 13, y - 1 * mm, text_width)
    canvas.setFillColor(INK)
    y = centred_lines(canvas, lines["title"], BOLD, 17, y - 2 * mm, text_width)
    y = centred_lines(canvas, lines["period"], REGULAR, 12, y - 4 * mm, text_width)
    y = centred_lines(canvas, lines["attended"], BOLD, 12, y - 1 * mm, text_width)
    if lines["supervisors"]:
        y = centred_lines(canvas, lines["supervisors"], REGULAR, 11, y - 1 * mm, text_width)

    bottom = 28 * mm
    if lines["topics"]:
        y = centred_lines(canvas, lines["topics_heading"], BOLD, 12, y - 5 * mm, text_width)
        topics = " · ".join(lines["topics"])
        size = _fitting_size(topics, text_width, y - (bottom + 14 * mm))
        centred_lines(canvas, topics, REGULAR, size, y - 1 * mm, text_width)

    canvas.setFillColor(MUTED)
    centred_lines(canvas, lines["code"], REGULAR, 11, bottom + 6 * mm, text_width)
    centred_lines(canvas, verify_line, REGULAR, 10, bottom, text_width)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
