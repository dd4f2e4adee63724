"""Which other sites a package loads files from, so the editor is told before learners meet a blank.

Content runs under a CSP that allows only its own origin and the origins an administrator
names in ``LMS_CONTENT_EXTERNAL_ORIGINS`` (empty by default). A package that loads jQuery
from a CDN, or YouTube's player API (H5P Interactive Video), is blocked otherwise. The check
reads the package's text files for what they load, not for every URL they mention (links,
licence notes and xAPI verb IRIs are not loads):

- HTML: ``src`` of script, img, iframe, video, audio, source, track, embed; ``href`` of link;
- CSS: ``url(...)`` and ``@import``;
- scripts: a URL assigned to ``src`` (``tag.src = "https://www.youtube.com/iframe_api"``) or
  passed to ``getScript``, ``fetch`` or ``import``;
- H5P content (``content/*.json``): media ``path`` values that are absolute URLs.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from urllib.parse import urlsplit

from lms.package_archive import Entry, PackageRefused, read_small

URL = r"""((?:https?:)?//[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^"'\s<>)]*)?)"""
HTML_LOADS = re.compile(
    r"<(?:script|img|iframe|video|audio|source|track|embed)\b[^>]*?\bsrc\s*=\s*[\"']?\s*"
    + URL
    + r"|<link\b[^>]*?\bhref\s*=\s*[\"']?\s*"
    + URL,
    re.IGNORECASE,
)
CSS_LOADS = re.compile(r"url\(\s*[\"']?\s*" + URL + r"|@import\s+[\"']\s*" + URL, re.IGNORECASE)
SCRIPT_LOADS = re.compile(
    r"\bsrc\s*[=:]\s*[\"'`]" + URL + r"|\b(?:getScript|fetch|import)\s*\(\s*[\"'`]" + URL
)
CONTENT_LOADS = re.compile(r"\"path\"\s*:\s*\"" + URL.replace("/", r"\\?/"))
PATTERNS = {
    "html": [HTML_LOADS, CSS_LOADS, SCRIPT_LOADS],
    "htm": [HTML_LOADS, CSS_LOADS, SCRIPT_LOADS],
    "xhtml": [HTML_LOADS, CSS_LOADS, SCRIPT_LOADS],
    "css": [CSS_LOADS],
    "js": [SCRIPT_LOADS],
}
#: Larger text files are not read for references (minified bundles of this size are libraries).
MAX_SCANNED_BYTES = 4 * 1024 * 1024


def _patterns(path: str) -> list[re.Pattern]:
    extension = posixpath.splitext(path)[1].lstrip(".").lower()
    if extension == "json" and path.startswith("content/"):
        return [CONTENT_LOADS]
    return PATTERNS.get(extension, [])


def origin_of(url: str) -> str | None:
    """ "https://host[:port]" of an absolute or protocol-relative URL; None when it names no host."""
    url = url.replace("\\/", "/")
    parts = urlsplit(f"https:{url}" if url.startswith("//") else url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"


def origins_in_text(text: str, patterns: Iterable[re.Pattern]) -> set[str]:
    found = set()
    for pattern in patterns:
        for match in pattern.finditer(text):
            url = next((group for group in match.groups() if group), None)
            origin = origin_of(url) if url else None
            if origin:
                found.add(origin)
    return found


def external_origins(archive: zipfile.ZipFile, entries: list[Entry]) -> list[str]:
    """The origins the package's files load from, sorted."""
    found: set[str] = set()
    for entry in entries:
        patterns = _patterns(entry.path)
        if not patterns or entry.info.file_size > MAX_SCANNED_BYTES:
            continue
        try:
            text = read_small(archive, entry, MAX_SCANNED_BYTES).decode("utf-8", errors="replace")
        except PackageRefused:
            continue  # larger than it said: the extractor refuses it when it writes the file
        found |= origins_in_text(text, patterns)
    return sorted(found)
