"""Snippets: a short window of a document's text around the words the query matched.

The text is escaped piece by piece and only the ``<mark>`` elements added here are HTML,
so whatever a page or a query contains, the snippet cannot inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

from search.analysis import fold, word_spans
from search.lexicon import COMPOUNDING_LANGUAGES, MIN_COMPOUND, MIN_PART
from search.stopwords import stop_words
from search.terms import word_terms

#: Words in a snippet.
SNIPPET_WORDS = 32
#: Only the start of a long text is searched for a snippet: enough to show why it matched.
SCAN_CHARS = 3_000


class _QueryWords:
    """Which words of one language's texts stand for a query's terms; each distinct word is decided once.

    Kept per (language, terms) for the snippets of a whole results page and for repeated queries:
    their texts share most words, and deciding a word (stemming it) is the cost.
    """

    def __init__(self, language: str, terms: frozenset[str]) -> None:
        self.language = language
        self.terms = terms
        self.starts = {t[:3] for t in terms}
        # Only the compounding languages' words can hold a term inside; one expression finds any of them.
        parts = sorted({t for t in terms if len(t) >= MIN_PART}) if language in COMPOUNDING_LANGUAGES else []
        self.inner = re.compile("|".join(map(re.escape, parts))) if parts else None
        self.stops = stop_words(language)
        self.known: dict[str, bool] = {}

    def flags(self, words: list[str]) -> list[bool]:
        known = self.known
        new = [w for w in dict.fromkeys(words) if w not in known]
        if new:
            if len(known) > _MAX_KNOWN_WORDS:
                known.clear()
            # Folding the words joined is one call instead of hundreds.
            for word, plain in zip(new, fold("\n".join(new)).split("\n"), strict=True):
                known[word] = self._matches(word, plain)
        return [known[w] for w in words]

    def _matches(self, word: str, plain: str) -> bool:
        # Stemming every word is the cost: a word is stemmed only if its folded start is some term's start.
        # A compound may match through a later part: a long word is looked at when a term is inside it.
        starts = self.starts
        likely = plain[:3] in starts or plain[:2] in starts or plain[:1] in starts
        if not likely and self.inner and len(word) >= MIN_COMPOUND:
            likely = bool(self.inner.search(plain))
        if not likely or word in self.stops:
            return False
        return any(t in self.terms for t in word_terms(self.language, word))


#: A query's decided words are forgotten past this many (a page of long texts stays far below it).
_MAX_KNOWN_WORDS = 20_000


@lru_cache(maxsize=32)
def _query_words(language: str, terms: frozenset[str]) -> _QueryWords:
    return _QueryWords(language, terms)


def snippet(text: str, language: str, terms: Collection[str], size: int = SNIPPET_WORDS) -> SafeString:
    """The best ``size``-word window of ``text`` with matched words in ``<mark>``; safe HTML."""
    text = text[:SCAN_CHARS]
    words = list(word_spans(text))
    if not words:
        return mark_safe("")  # noqa: S308 - empty
    hits = _query_words(language, frozenset(terms)).flags([word for _start, _end, word in words])
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
        # html.escape is what Django's escape calls, without its lazy-string wrapper (6 times slower here).
        pieces.append(escape(text[position:word_start]))
        word = escape(text[word_start:word_end])
        pieces.append(f"<mark>{word}</mark>" if hits[index] else word)
        position = word_end
    if end < len(words):
        pieces.append("…")
    return mark_safe("".join(pieces).replace("\n", " "))  # noqa: S308 - every piece is escaped above
