"""PO files for offline translators: export a page's translation, import it back checked.

Built on wagtail-localize's own ``Translation.export_po`` / ``import_po`` (the same files
its editor offers). An import is checked as a whole before anything is written: a file
made for another page or language, or whose translations lose or add a placeholder
(``%(name)s``, ``{name}``) or an inline element (``<a id="a1">``, ``<b>``), is rejected
with every problem listed, and nothing changes.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass

import polib
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

#: Placeholders a translation must keep: Python's %-style and str.format-style.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
#: Inline elements of wagtail-localize's strings: <a id="a1">, </a>, <b>, <br/>.
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^<>]*?)(/?)>")
ID_ATTRIBUTE = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""")
#: The longest translation of one string: a field's own limit where it has one, else this.
MAX_TRANSLATION_LENGTH = 50_000
#: Metadata wagtail-localize writes into every exported file.
TRANSLATION_ID = "X-WagtailLocalize-TranslationID"


class PoImportError(ValueError):
    """A PO file that cannot be imported; ``problems`` says every reason, for the translator."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


@dataclass(frozen=True)
class PoImport:
    #: How many translated strings the file held.
    translated: int
    #: Strings of the file the page no longer has (skipped, as wagtail-localize does).
    skipped: list[str]


def export_po(translation: Translation) -> polib.POFile:
    """The page's strings with their current translations, as wagtail-localize exports them."""
    po = translation.export_po()
    po.metadata["Project-Id-Version"] = "Nordpeer"
    po.metadata["Language"] = translation.target_locale.language_code
    po.metadata["X-Nordpeer-Page"] = translation.source.object_repr
    return po


def po_filename(translation: Translation) -> str:
    return f"{slugify(translation.source.object_repr) or 'page'}-{translation.target_locale.language_code}.po"


def parse_po(content: bytes) -> polib.POFile:
    # polib reads a *path* when given text naming an existing file, so never hand it the
    # upload as text: write it to a file of our own and parse that.
    handle = tempfile.NamedTemporaryFile(suffix=".po", delete=False)  # noqa: SIM115 - closed below
    try:
        with handle:
            handle.write(content)
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PoImportError([_("This is not a readable PO file: %(error)s") % {"error": error}]) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def markup(text: str) -> Counter:
    """The placeholders and inline elements of ``text``, which a translation may reorder but not change."""
    tokens: Counter = Counter(PLACEHOLDER.findall(text))
    for closing, name, attributes, self_closing in TAG.findall(text):
        name = name.lower()
        if closing:
            tokens[f"</{name}>"] += 1
            continue
        found = ID_ATTRIBUTE.search(attributes)
        element_id = f' id="{found.group(1)}"' if found else ""
        tokens[f"<{name}{element_id}{'/' if self_closing else ''}>"] += 1
    return tokens


def _describe(tokens: Counter) -> str:
    return ", ".join(sorted(tokens.elements())) or "-"


def _length_limit(translation: Translation, context: str) -> int:
    """How long the translation of the string at ``context`` may be: its field's length, if it has one."""
    model = translation.source.specific_content_type.model_class()
    try:
        field = model._meta.get_field((context or "").split(".")[0])
    except FieldDoesNotExist:
        return MAX_TRANSLATION_LENGTH
    return min(getattr(field, "max_length", None) or MAX_TRANSLATION_LENGTH, MAX_TRANSLATION_LENGTH)


def _storage_problems(translation: Translation, entry: polib.POEntry) -> list[str]:
    """What no database would store, or the page could not hold, listed like the markup problems."""
    where = {"line": entry.linenum, "text": entry.msgid[:60]}
    problems = []
    if "\x00" in entry.msgstr:
        problems.append(_("Line %(line)s (“%(text)s”): the translation contains a NUL character.") % where)
    limit = _length_limit(translation, entry.msgctxt)
    if len(entry.msgstr) > limit:
        problems.append(
            _(
                "Line %(line)s (“%(text)s”): the translation is %(length)s characters long; "
                "at most %(limit)s fit."
            )
            % {**where, "length": len(entry.msgstr), "limit": limit}
        )
    return problems


def check_po(translation: Translation, po: polib.POFile) -> None:
    """Raise ``PoImportError`` listing every reason ``po`` cannot be imported into ``translation``."""
    problems = []
    file_id = po.metadata.get(TRANSLATION_ID, "")
    if not file_id:
        problems.append(
            _("This file was not exported from this site's translation editor: it names no translation.")
        )
    elif file_id != str(translation.uuid):
        other = (
            Translation.objects.filter(uuid=file_id).select_related("source", "target_locale").first()
            if re.fullmatch(r"[0-9a-fA-F-]{32,36}", file_id)
            else None
        )
        if other is None:
            problems.append(_("This file belongs to a translation that does not exist on this site."))
        else:
            problems.append(
                _(
                    "This file belongs to “%(page)s” in %(language)s, not to “%(this_page)s” in "
                    "%(this_language)s. Export the file of this page and language."
                )
                % {
                    "page": other.source.object_repr,
                    "language": other.target_locale.get_display_name(),
                    "this_page": translation.source.object_repr,
                    "this_language": translation.target_locale.get_display_name(),
                }
            )
    for entry in po:
        if not entry.msgstr:
            continue
        problems.extend(_storage_problems(translation, entry))
        expected, found = markup(entry.msgid), markup(entry.msgstr)
        if expected != found:
            problems.append(
                _(
                    "Line %(line)s (“%(text)s”): the translation must keep the placeholders and markup "
                    "of the original. Missing: %(missing)s. Not in the original: %(added)s."
                )
                % {
                    "line": entry.linenum,
                    "text": entry.msgid[:60],
                    "missing": _describe(expected - found),
                    "added": _describe(found - expected),
                }
            )
    if problems:
        raise PoImportError(problems)


def import_po(translation: Translation, content: bytes, user=None) -> PoImport:
    """Import an uploaded PO file's translations into ``translation``, all or nothing.

    The translated page itself is not changed: the translator reviews the imported
    strings in the translation editor and publishes from there.
    """
    po = parse_po(content)
    check_po(translation, po)
    with transaction.atomic():
        warnings = translation.import_po(po, user=user, tool_name="PO file")
    skipped = [str(getattr(w, "string", None) or getattr(w, "context", "")) for w in warnings]
    return PoImport(translated=sum(1 for entry in po if entry.msgstr and not entry.obsolete), skipped=skipped)
