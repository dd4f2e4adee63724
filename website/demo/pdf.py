"""A minimal, valid one-page PDF with a heading and wrapped text, for the demo publications.

Uses the standard Helvetica font with WinAnsi encoding, which covers the Nordic and
Estonian letters (å, æ, ø, ä, ö, õ, ü, š, ž); characters outside it become "?".
"""

from __future__ import annotations

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _text_lines(title: str, paragraphs: list[str], footer: str) -> bytes:
    """The page's content stream: the title large, then paragraphs and bullets, the footer at the foot."""
    ops = [b"BT", b"/F2 20 Tf", b"24 TL", f"{MARGIN} {PAGE_HEIGHT - MARGIN - 20} Td".encode()]
    for line in textwrap.wrap(title, 45):
        ops += [b"(" + _escape(line) + b") Tj", b"T*"]
    ops += [b"/F1 11 Tf", b"15 TL", b"T*"]
    for paragraph in paragraphs:
        bullet = paragraph.startswith("- ")
        text = paragraph[2:] if bullet else paragraph
        for number, line in enumerate(textwrap.wrap(text, 80 if not bullet else 76)):
            prefix = ("\u2022 " if number == 0 else "   ") if bullet else ""
            ops += [b"(" + _escape(prefix + line) + b") Tj", b"T*"]
        ops.append(b"T*")
    ops += [
        b"ET",
        b"BT",
        b"/F1 9 Tf",
        f"{MARGIN} {MARGIN} Td".encode(),
        b"(" + _escape(footer) + b") Tj",
        b"ET",
    ]
    return b"\n".join(ops)


def make_pdf(title: str, paragraphs: list[str], *, footer: str = "", language: str = "en") -> bytes:
    """A one-page A4 PDF; paragraphs starting with "- " are set as bullets."""
    stream = _text_lines(title, paragraphs, footer)
    info_title = title.encode("utf-16-be").hex().upper()
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R /Lang ({language}) >>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        f"<< /Title <FEFF{info_title}> /Producer (Nordpeer demo) >>".encode(),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
