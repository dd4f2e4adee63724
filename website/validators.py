"""Checks for uploaded files: size and, for captions, that the file really is WebVTT."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# A cue timing line: 00:00:01.000 --> 00:00:04.000 (hours optional), settings may follow.
_TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_CUE_TIMING = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t].*)?$")


def validate_upload_size(upload: File) -> None:
    limit = settings.MAX_UPLOAD_SIZE
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest file accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def validate_webvtt(upload: File) -> None:
    """Accept only a WebVTT file: the signature line, then at least one well-formed cue."""
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_SIZE:
        # Django runs every validator even after one fails: leave a file that
        # validate_upload_size refuses unread rather than load it into memory.
        return
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Caption files must be WebVTT text in UTF-8; this file is not text."),
            code="not_webvtt",
        ) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    signature = lines[0] if lines else ""
    if not (signature == "WEBVTT" or signature.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(
            _('Caption files must be WebVTT: the first line must be "WEBVTT".'),
            code="not_webvtt",
        )
    arrows = [line for line in lines if "-->" in line]
    if not arrows:
        raise ValidationError(_("This WebVTT file has no captions in it."), code="empty_webvtt")
    for number, line in enumerate(lines, start=1):
        if "-->" in line and not _CUE_TIMING.match(line.strip()):
            raise ValidationError(
                _("Line %(number)s has a cue timing WebVTT cannot read: %(line)s"),
                code="bad_cue_timing",
                params={"number": number, "line": line.strip()[:80]},
            )
