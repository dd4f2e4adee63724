"""Typo correction of a query that found nothing: "Did you mean …?".

Only words that match nothing on their own are corrected (a word that already matches is
never touched), each to the nearest word of the index vocabulary (``search.vocabulary``).
The corrected query is searched again; the service shows "Did you mean …?" only when the
correction is what found the results.
"""

from __future__ import annotations

from search.analysis import word_spans
from search.backends.base import SearchBackend
from search.query import AnalysedQuery, analyse_query
from search.vocabulary import ReaderWords


def _matches_alone(query: AnalysedQuery, source: str, backend: SearchBackend) -> bool:
    groups = tuple(g for g in query.groups if g.source == source)
    return backend.matches_any(AnalysedQuery(query.text, groups))


def replace_words(text: str, changes: dict[str, str]) -> str:
    """``text`` with each word that is a key of ``changes`` (lower case) replaced by its value."""
    pieces, position = [], 0
    for start, end, word in word_spans(text):
        if word in changes:
            pieces += [text[position:start], changes[word]]
            position = end
    return "".join(pieces) + text[position:]


def corrected(query: AnalysedQuery, backend: SearchBackend, lookup: ReaderWords) -> AnalysedQuery | None:
    """The query with its unmatched words corrected, or None when there is nothing to correct."""
    words = lookup.vocabulary
    changes = {}
    for source in dict.fromkeys(g.source for g in query.groups):
        if not source or " " in source or _matches_alone(query, source, backend):
            continue
        fix = words.correction(source)
        if fix and fix != source:
            changes[source] = fix
    if not changes:
        return None
    return analyse_query(replace_words(query.text, changes), lookup)
