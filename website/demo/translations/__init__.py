"""Translations of the demo texts, one module per language: English source string → translation.

Each language module has ``PAGES`` (by the key of a page in the demo data: "home",
"learning", "material", "handbook", a video's key, "event", ...) and ``PARTNERS`` (the
partner descriptions). Keys are the strings exactly as wagtail-localize extracts them,
see ``website.translating.source_strings``; the builder refuses a page whose strings are
not all translated, and ``translate(strict=True)`` refuses a key that matches nothing.
"""

from . import et, nb, sv

#: The languages the demo pages are translated into, besides the English source.
LANGUAGES = ["nb", "sv", "et"]

TRANSLATIONS = {language.CODE: {**language.PAGES, "partners": language.PARTNERS} for language in (nb, sv, et)}
