"""Ranking after matching: exact titles and phrases first, the glossary's preferred terms above variants.

The engines rank by term statistics (BM25, ts_rank), which let a long page with many
mentions beat the short page whose title *is* the query. The best ``RERANKED`` hits are
therefore ordered again, by tiers first and the engine's score within a tier:

1. the title is exactly the query (stop words aside, any form of each word);
2. the query's words appear as a phrase (in order, next to each other) in the title or text;
3. every query word is in the title;
4. for a glossary concept, the document uses the concept's preferred term, not only a variant.
"""

from __future__ import annotations

from search.analysis import fold, search_languages, stem
from search.backends.base import Hit, SearchBackend
from search.lexicon import has_lemmas, lemma
from search.query import AnalysedQuery, TermGroup
from search.terms import positions

RERANKED = 100


def _phrase_query(query: AnalysedQuery) -> AnalysedQuery | None:
    """The typed words as one phrase, each word's form in each language, or None for one word."""
    sources = list(dict.fromkeys(g.source for g in query.groups if g.source))
    if len(sources) < 2 or len(sources) != len(query.groups):
        return None  # one word, or a compound split into parts: no phrase to look for
    sources = [word for source in sources for word in source.split()]  # a glossary term may be several
    # The words as each language analyses them: its stems, and its lemmas.
    phrases = set()
    for language in search_languages():
        phrases.add(tuple(stem(language, w) for w in sources))
        if has_lemmas(language):
            phrases.add(tuple(fold(lemma(language, w)) for w in sources))
    return AnalysedQuery(query.text, (TermGroup(tuple(sorted(phrases))),))


def _preferred_query(query: AnalysedQuery) -> AnalysedQuery | None:
    groups = [TermGroup(g.preferred) for g in query.groups if g.preferred]
    return AnalysedQuery(query.text, tuple(groups), match_all=False) if groups else None


def _title_tiers(hit: Hit, query: AnalysedQuery) -> tuple[bool, bool]:
    """(the title is the query, every query word is in the title)."""
    title = positions(hit.title, hit.language)
    found = {term for terms in title for term in terms}
    every = all(any(t in found for phrase in g.alternatives for t in phrase) for g in query.groups)
    sources = {g.source for g in query.groups}
    return every and len(title) == len(sources), every


def rerank(hits: list[Hit], query: AnalysedQuery, backend: SearchBackend) -> list[Hit]:
    """``hits`` with the best ``RERANKED`` put in tier order; the rest follow unchanged."""
    top, rest = hits[:RERANKED], hits[RERANKED:]
    if not top:
        return hits
    ids = [h.page_id for h in top]
    phrase = _phrase_query(query)
    in_phrase = backend.matching_ids(phrase, ids) if phrase else set()
    preferred = _preferred_query(query)
    with_preferred = backend.matching_ids(preferred, ids) if preferred else set()

    def key(item: tuple[int, Hit]) -> tuple:
        order, hit = item
        exact, every = _title_tiers(hit, query)
        return (not exact, hit.page_id not in in_phrase, not every, hit.page_id not in with_preferred, order)

    return [hit for _order, hit in sorted(enumerate(top), key=key)] + rest
