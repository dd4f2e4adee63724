"""The certificate as a PDF: ReportLab with the Open Sans font from PyPI (``ttf-opensans``).

Open Sans covers every letter of the nine languages (ā č ģ ķ ļ ņ š ž ą ę ė į ų õ ä ö ü
å æ ø þ ð ...), and ReportLab embeds the subset it uses with a Unicode map, so the
text can be selected, searched and read aloud.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache

import ttf_opensans
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from lms.certificates import title_in
from lms.models import Certificate, CertificateKind

REGULAR = "NordpeerSans"
BOLD = "NordpeerSans-Bold"
INK = HexColor("#1d2330")
ACCENT = HexColor("#1f5f8b")
MUTED = HexColor("#4a5363")

#: Layouts of other kinds of certificate, registered by the app that issues them (see register_layout).
LAYOUTS: dict[str, Callable[[Certificate, str, str], bytes]] = {}


def register_layout(kind: str, render: Callable[[Certificate, str, str], bytes]) -> None:
    """Print certificates of ``kind`` with ``render(certificate, language, verify_url)`` instead."""
    LAYOUTS[kind] = render


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(ttf_opensans.OPENSANS_REGULAR.path)))
    pdfmetrics.registerFont(TTFont(BOLD, str(ttf_opensans.OPENSANS_BOLD.path)))


def _heading(certificate: Certificate) -> tuple[str, str]:
    if certificate.kind == CertificateKind.SUPERVISION:
        return _("Certificate of participation"), _("has taken part in the group supervision")
    return _("Certificate of completion"), _("has completed the course")


def checked_in(verify_url: str, language: str) -> str:
    """The printed check address opens in the certificate's language (its reader can switch)."""
    return f"{verify_url}?lang={language}"


def centred_lines(canvas: Canvas, text: str, font: str, size: float, y: float, width: float) -> float:
    """Draw ``text`` centred on the page, wrapped to ``width``; returns the y below the last line."""
    centre = landscape(A4)[0] / 2
    for line in simpleSplit(text, font, size, width) or [""]:
        canvas.setFont(font, size)
        canvas.drawCentredString(centre, y, line)
        y -= size * 1.3
    return y


def draw_frame(canvas: Canvas, width: float, height: float) -> None:
    """The double border every certificate has."""
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.75)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)


def render_pdf(certificate: Certificate, language: str, verify_url: str) -> bytes:
    """The certificate in ``language`` (its title along that language's fallback chain)."""
    layout = LAYOUTS.get(certificate.kind)
    if layout is not None:
        return layout(certificate, language, verify_url)
    register_fonts()
    with translation.override(language):
        heading, statement = _heading(certificate)
        title = title_in(certificate, language)
        date = formats.date_format(certificate.achieved_on, "DATE_FORMAT")
        date_line = _("Date: %(date)s") % {"date": date}
        code_line = _("Verification code: %(code)s") % {"code": certificate.display_code}
        verify_line = _("Check this certificate at %(url)s") % {"url": checked_in(verify_url, language)}

    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, lang=language)
    canvas.setTitle(f"{heading}: {title}")
    canvas.setAuthor("Nordpeer")
    canvas.setSubject(title)

    draw_frame(canvas, width, height)

    text_width = width - 60 * mm
    canvas.setFillColor(ACCENT)
    y = centred_lines(canvas, "Nordpeer", BOLD, 18, height - 40 * mm, text_width)
    canvas.setFillColor(INK)
    y = centred_lines(canvas, heading, BOLD, 30, y - 8 * mm, text_width)
    y = centred_lines(canvas, certificate.holder_name, BOLD, 26, y - 12 * mm, text_width)
    canvas.setFillColor(MUTED)
    y = centred_lines(canvas, statement, REGULAR, 15, y - 2 * mm, text_width)
    canvas.setFillColor(INK)
    y = centred_lines(canvas, title, BOLD, 20, y - 4 * mm, text_width)
    centred_lines(canvas, date_line, REGULAR, 13, y - 8 * mm, text_width)

    canvas.setFillColor(MUTED)
    bottom = 30 * mm
    centred_lines(canvas, code_line, REGULAR, 11, bottom + 6 * mm, text_width)
    centred_lines(canvas, verify_line, REGULAR, 10, bottom, text_width)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
