"""The network's glossary as cross-language synonyms.

Every translation of a ``GlossaryTerm`` shares the concept's ``translation_key``; the term
and the "other terms" of every language of one concept are synonyms of one another. A query
that contains any of them (as consecutive words) also matches all the others, each analysed
in its own language so it meets the index the way that language's documents were analysed.

The concepts are kept in each process under a version in the shared cache; saving or
deleting a glossary term changes the version, so every process loads them again.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache

from search.analysis import analyse, fold, words
from search.stopwords import ANY_LANGUAGE
from search.terms import query_variants, word_forms

#: Changes whenever a glossary term is saved or deleted; expires so other changes show within 10 minutes.
VERSION_KEY = "search:glossary-version"
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Synonym:
    """One term of a concept in one language."""

    language: str
    text: str
    #: The term's words as a query would contain them (lower case, stop words of any language out).
    words: tuple[str, ...]
    #: The term's index terms, analysed in its own language: what it matches in documents.
    terms: tuple[str, ...]
    #: The concept's preferred term in this language (not one of its "other terms").
    preferred: bool = False
    #: Per word, its stem and lemma in the term's language: any form of the word recognises the term.
    forms: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Concept:
    key: str
    synonyms: tuple[Synonym, ...]

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The distinct index-term phrases of every synonym."""
        return tuple(dict.fromkeys(s.terms for s in self.synonyms if s.terms))

    @property
    def preferred_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The phrases of the preferred terms only: documents using them rank above the variants."""
        return tuple(dict.fromkeys(s.terms for s in self.synonyms if s.terms and s.preferred))


def _synonym(language: str, text: str, preferred: bool = False) -> Synonym:
    meaningful = tuple(w for w in words(text) if w not in ANY_LANGUAGE) or tuple(words(text))
    return Synonym(
        language=language,
        text=text,
        words=meaningful,
        terms=tuple(analyse(text, language)),
        preferred=preferred,
        forms=tuple(word_forms(language, w) for w in meaningful),
    )


def load_concepts() -> list[Concept]:
    """Every concept of the glossary with its terms in every language (one query)."""
    from website.models import GlossaryTerm

    synonyms: dict[str, list[Synonym]] = defaultdict(list)
    for entry in GlossaryTerm.objects.select_related("locale").order_by("pk"):
        for index, text in enumerate(entry.all_terms):
            synonym = _synonym(entry.locale.language_code, text, preferred=index == 0)
            synonyms[str(entry.translation_key)].append(synonym)
    return [Concept(key=key, synonyms=tuple(found)) for key, found in synonyms.items()]


class _Loaded:
    """The concepts as this process last loaded them, with the version they were loaded at."""

    def __init__(self, version: str | None, found: list[Concept]) -> None:
        self.version = version
        self.concepts = found
        self.words = frozenset(w for concept in found for synonym in concept.synonyms for w in synonym.words)


_loaded = _Loaded(None, [])


def _current() -> _Loaded:
    # A query asks for the concepts several times (each word, each compound part); only a
    # small version string goes through the shared cache, and the concepts are analysed once
    # per process and version instead of being unpickled on every call.
    global _loaded
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, CACHE_SECONDS)
        version = cache.get(VERSION_KEY)
    if version is None or version != _loaded.version:
        _loaded = _Loaded(version, load_concepts())
    return _loaded


def concepts() -> list[Concept]:
    return _current().concepts


def clear_cache(**_kwargs) -> None:
    """Every process reloads the concepts at its next query (a term was saved or deleted)."""
    cache.delete(VERSION_KEY)


def _matches(synonym: Synonym, query: list[str], start: int) -> bool:
    if start + len(synonym.words) > len(query):
        return False
    return all(forms & query_variants(query[start + offset]) for offset, forms in enumerate(synonym.forms))


def _written_as_one(synonym: Synonym, word: str) -> bool:
    """A term of several words typed as one compound: "pieredzeseksperts", "peerworker"."""
    return len(synonym.words) > 1 and fold("".join(synonym.words)) == fold(word)


def find_concept(query: list[str], start: int) -> tuple[Concept, int] | None:
    """The concept whose term starts at ``query[start]`` (the longest term wins) and that term's length.

    A term matches on any form of its words (stem or lemma): "toipumisesta" is "toipuminen".
    """
    best: tuple[Concept, int] | None = None
    for concept in concepts():
        for synonym in concept.synonyms:
            length = len(synonym.words)
            if not length or (best is not None and length <= best[1]):
                continue
            if _matches(synonym, query, start):
                best = (concept, length)
            elif best is None and _written_as_one(synonym, query[start]):
                best = (concept, 1)
    return best


def glossary_words() -> frozenset[str]:
    """Every word of every term, lower case: a word list for compounds and typo correction."""
    return _current().words


def synonym_lines() -> list[list[str]]:
    """Each concept's terms, folded, one list per concept: the Elasticsearch synonym rules."""
    lines = []
    for concept in concepts():
        terms = sorted({fold(" ".join(s.words)) for s in concept.synonyms if s.words})
        if len(terms) > 1:
            lines.append(terms)
    return lines
