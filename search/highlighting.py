"""Snippets: a short window of a document's text around the words the query matched.

The text is escaped piece by piece and only the ``<mark>`` elements added here are HTML,
so whatever a page or a query contains, the snippet cannot inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import fold, word_spans
from search.lexicon import COMPOUNDING_LANGUAGES, MIN_COMPOUND, MIN_PART
from search.stopwords import stop_words
from search.terms import word_terms

#: Words in a snippet.
SNIPPET_WORDS = 32
#: Only the start of a long text is searched for a snippet: enough to show why it matched.
SCAN_CHARS = 3_000


def _matching(words: list[tuple[int, int, str]], language: str, terms: Collection[str]) -> list[bool]:
    # Stemming every word is the cost: a word is stemmed only if its folded start is some term's
    # start, and each distinct word once. Folding the words joined is one call instead of hundreds.
    starts = {t[:3] for t in terms}
    # Only the compounding languages' words can hold a term inside; one expression finds any of them.
    parts = sorted({t for t in terms if len(t) >= MIN_PART}) if language in COMPOUNDING_LANGUAGES else []
    inner = re.compile("|".join(map(re.escape, parts))) if parts else None
    stops = stop_words(language)
    folded = fold("\n".join(w for _s, _e, w in words)).split("\n")
    known: dict[str, bool] = {}
    found = []
    for (_start, _end, word), plain in zip(words, folded, strict=True):
        match = known.get(word)
        if match is None:
            # A compound may match through a later part: a long word is looked at when a term is inside it.
            likely = any(plain[:n] in starts for n in (3, 2, 1)) or bool(
                inner and len(word) >= MIN_COMPOUND and inner.search(plain)
            )
            match = known[word] = (
                likely and word not in stops and any(t in terms for t in word_terms(language, word))
            )
        found.append(match)
    return found


def snippet(text: str, language: str, terms: Collection[str], size: int = SNIPPET_WORDS) -> SafeString:
    """The best ``size``-word window of ``text`` with matched words in ``<mark>``; safe HTML."""
    text = text[:SCAN_CHARS]
    words = list(word_spans(text))
    if not words:
        return mark_safe("")  # noqa: S308 - empty
    hits = _matching(words, language, terms)
    best_start, best_count, count = 0, -1, 0
    for index in range(len(words)):
        count += hits[index]
        if index >= size:
            count -= hits[index - size]
        start = max(0, index - size + 1)
        if count > best_count:
            best_start, best_count = start, count
    end = min(len(words), best_start + size)
    pieces = ["…" if best_start > 0 else ""]
    position = words[best_start][0]
    for index in range(best_start, end):
        word_start, word_end, _word = words[index]
        pieces.append(escape(text[position:word_start]))
        word = escape(text[word_start:word_end])
        pieces.append(f"<mark>{word}</mark>" if hits[index] else word)
        position = word_end
    if end < len(words):
        pieces.append("…")
    return mark_safe("".join(pieces).replace("\n", " "))  # noqa: S308 - every piece is escaped above
