"""Plain text out of what pages hold: StreamField blocks, rich text, WebVTT captions, attached files."""

from __future__ import annotations

import io
import logging
import re
from html import unescape

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.rich_text import RichText

logger = logging.getLogger(__name__)

#: Files larger than this are not read for their text (the page is still indexed).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Only the first pages of a long PDF are read: enough to find it, not a second copy of it.
MAX_PDF_PAGES = 60
#: The most text taken from one file.
MAX_FILE_TEXT = 200_000

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.I)
_CUE_TIMING = re.compile(r"-->")
_SPACES = re.compile(r"[ \t]+")


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, a line per paragraph or list item."""
    text = _BLOCK_END.sub("\n", html)
    text = unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def block_text(block: blocks.Block, value) -> list[str]:
    """The readable text of one StreamField block value; style choices, images and links are left out."""
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text for name, child in block.child_blocks.items() for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        return [html_to_text(source)]
    if isinstance(block, DocumentChooserBlock):
        return [value.title]
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [str(value)]
    return []


def streamfield_text(stream_value) -> str:
    """All readable text of a StreamField's value."""
    return "\n".join(t for t in block_text(stream_value.stream_block, stream_value) if t)


def webvtt_text(data: str) -> str:
    """The cue text of a WebVTT file, without the header, cue numbers, timings and tags."""
    lines = []
    for block in re.split(r"\n\s*\n", data.replace("\r\n", "\n")):
        block_lines = block.strip().splitlines()
        if not block_lines or block_lines[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, line in enumerate(block_lines) if _CUE_TIMING.search(line)), None)
        if timing is None:
            continue
        lines += [html_to_text(line) for line in block_lines[timing + 1 :]]
    return "\n".join(line for line in lines if line)


def _read(field_file) -> bytes | None:
    """The file's bytes through its storage (so S3 works), or None when it is too large or gone."""
    try:
        if field_file.size > MAX_FILE_BYTES:
            logger.info("Not reading %s for search: larger than %d bytes.", field_file.name, MAX_FILE_BYTES)
            return None
        with field_file.open("rb") as handle:
            return handle.read()
    except OSError as error:
        # A missing file must not stop the page from being indexed; its text is simply absent.
        logger.warning("Could not read %s for search: %s", field_file.name, error)
        return None


def pdf_text(data: bytes) -> str:
    """The text of a PDF's first pages; an unreadable PDF gives no text and a warning."""
    try:
        reader = PdfReader(io.BytesIO(data))
        parts, size = [], 0
        for page in reader.pages[:MAX_PDF_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_FILE_TEXT:
                break
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        # pypdf raises these for damaged or unusual files; the page is still indexed without them.
        logger.warning("Could not extract text from a PDF for search: %s", error)
        return ""
    return "\n".join(parts)[:MAX_FILE_TEXT]


def file_text(field_file) -> str:
    """The text of an uploaded file where it can be extracted (PDF, plain text, WebVTT), else ""."""
    name = field_file.name.lower()
    if not name.endswith((".pdf", ".txt", ".vtt")):
        return ""
    data = _read(field_file)
    if data is None:
        return ""
    if name.endswith(".pdf"):
        return pdf_text(data)
    text = data[: MAX_FILE_TEXT * 4].decode("utf-8", errors="replace")
    return (webvtt_text(text) if name.endswith(".vtt") else text)[:MAX_FILE_TEXT]
