"""Serving a package's files to the learner a grant was made for, from the package storage.

Every request checks the content session again (its cookie, and enrolment, not only login),
reads only files inside the package's own folder, names their type from an explicit list (never
guessed, never sniffed), and lists no folders. Relative links inside a package stay under the
session's path.
"""

from __future__ import annotations

import posixpath
import re

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lms.content.access import ContentDenied, open_session
from lms.content.isolation import SVG_POLICY, allow_frame_origin, protect
from lms.content.stored_files import open_stored
from lms.models import InteractivePackage
from lms.models.packages import package_storage

#: Types by extension; anything else is served as bytes to download, never as something to run.
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "htm": "text/html; charset=utf-8",
    "xhtml": "application/xhtml+xml",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "css": "text/css",
    "json": "application/json",
    "xml": "application/xml",
    "xsd": "application/xml",
    "txt": "text/plain; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "ico": "image/x-icon",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "webm": "video/webm",
    "ogv": "video/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "wav": "audio/wav",
    "vtt": "text/vtt; charset=utf-8",
    "pdf": "application/pdf",
}
DEFAULT_TYPE = "application/octet-stream"
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


SVG_TYPE = "image/svg+xml"
#: Served with a valid session token but without its cookie: a package's CSS loads web fonts in
#: CORS mode without credentials, so a sandboxed (opaque-origin) page never sends the cookie for
#: them. A font carries nothing of the learner.
FONT_EXTENSIONS = {"woff", "woff2", "ttf", "otf", "eot"}


def content_type_of(path: str) -> str:
    extension = posixpath.splitext(path)[1].lstrip(".").lower()
    return CONTENT_TYPES.get(extension, DEFAULT_TYPE)


def safe_package_path(path: str) -> str | None:
    """``path`` as a plain relative file path inside a package, or None if it is anything else.

    The URL resolver has already decoded %2e%2e to "..": refuse such segments here, and
    absolute paths, backslashes, empty segments (folders, "a//b") and control characters.
    """
    if not path or path.startswith("/") or path.endswith("/") or "\\" in path:
        return None
    if any(ord(char) < 32 for char in path):
        return None
    segments = path.split("/")
    if any(segment in ("", ".", "..") for segment in segments) or re.match(r"^[A-Za-z]:", path):
        return None
    return path


def open_package_file(package: InteractivePackage, path: str):
    """The open file ``path`` of ``package``; Http404 if it is not a file of that package."""
    relative = safe_package_path(path)
    if relative is None:
        raise Http404("No such file.")
    storage = package_storage()
    try:
        # Folders fail here: on local disk opening one raises an OSError, on S3 there is no such key.
        return open_stored(storage, package.folder + relative)
    except (OSError, SuspiciousFileOperation):
        raise Http404("No such file.") from None


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """The first and last byte of a single ``Range: bytes=a-b``; None to send the whole file."""
    match = RANGE.match(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":
        start, end = max(0, size - int(last)), size - 1
    else:
        start, end = int(first), min(size - 1, int(last)) if last else size - 1
    return (start, end) if start <= end < size else (size, size)


def _read_part(handle, start: int, length: int, chunk: int = 64 * 1024):
    """The bytes of one range, in chunks, so seeking in a long video does not read it whole."""
    try:
        handle.seek(start)
        while length > 0:
            data = handle.read(min(chunk, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


def denied(request: HttpRequest, error: ContentDenied) -> HttpResponse:
    response = HttpResponse(str(error), status=403, content_type="text/plain; charset=utf-8")
    return allow_frame_origin(protect(response, request), request)


def is_font(path: str) -> bool:
    return posixpath.splitext(path)[1].lstrip(".").lower() in FONT_EXTENSIONS


@csrf_exempt
@require_http_methods(["GET", "HEAD", "OPTIONS"])
def package_file(request: HttpRequest, token: str, path: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return allow_frame_origin(protect(HttpResponse(status=204), request), request)
    try:
        granted = open_session(request, token, cookie_needed=not is_font(path))
    except ContentDenied as error:
        return denied(request, error)
    handle, size = open_package_file(granted.package, path)
    wanted = _byte_range(request.headers.get("Range", ""), size)
    if wanted == (size, size):
        handle.close()
        response = HttpResponse(status=416, content_type="text/plain; charset=utf-8")
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is not None:
        start, end = wanted
        response = StreamingHttpResponse(
            _read_part(handle, start, end - start + 1), status=206, content_type=content_type_of(path)
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    else:
        response = FileResponse(handle, content_type=content_type_of(path))
        response["Content-Length"] = str(size)
    response["Accept-Ranges"] = "bytes"
    # A revision's files never change and the session is private: the browser may keep them a while.
    response["Cache-Control"] = "private, max-age=3600"
    response = allow_frame_origin(protect(response, request), request)
    if content_type_of(path).startswith(SVG_TYPE):
        # An SVG may carry <script> and on* handlers; opened directly it is a document of its own.
        response["Content-Security-Policy"] = SVG_POLICY
    return response
