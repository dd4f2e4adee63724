"""What a reader asks for: the validated request, and the query analysed into term groups.

A query is a list of groups that must all match (AND); a group is a list of alternatives
(OR), each a phrase of index terms. A plain word gives one group whose alternatives are its
stems in every language; a glossary term gives one group with the concept's terms in every
language. Backends compile this structure into their own query language from index terms
only, never from the raw text, so no operator a reader types can reach an engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.translation import gettext as _

from search.analysis import query_words
from search.glossary import Concept, find_concept, glossary_words
from search.lexicon import COMPOUNDING_LANGUAGES, is_word, split_with
from search.terms import query_variants

#: Longer queries are refused with a message rather than cut silently.
MAX_QUERY_LENGTH = 500
#: Only the first words of a long query are searched for.
MAX_QUERY_WORDS = 16
MAX_PER_PAGE = 50
#: Results (and facet counts) come from the best matching documents, up to this many: enough
#: for a library, and it keeps a query's cost bounded however common its words are.
MAX_HITS = 1000


class SearchInputError(ValueError):
    """A request that cannot be searched; the message is for the reader."""


@dataclass(frozen=True)
class TermGroup:
    alternatives: tuple[tuple[str, ...], ...]
    #: The glossary concept the group stands for, if any.
    concept: str = ""
    #: The typed word(s) the group comes from (a compound gives a group per part, each with the whole word).
    source: str = ""
    #: The phrases of the concept's preferred terms: documents with them rank above its variants.
    preferred: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class AnalysedQuery:
    text: str
    groups: tuple[TermGroup, ...]
    #: All groups must match; the service retries with any group when nothing matches all.
    match_all: bool = True

    @property
    def terms(self) -> frozenset[str]:
        """Every index term the query may match, for highlighting."""
        return frozenset(t for g in self.groups for phrase in g.alternatives for t in phrase)

    def loosened(self) -> AnalysedQuery:
        return AnalysedQuery(text=self.text, groups=self.groups, match_all=False)


def _single(terms: set[str]) -> tuple[tuple[str, ...], ...]:
    return tuple((t,) for t in sorted(terms))


def _concept_group(concept: Concept, source: str, extra: set[str]) -> TermGroup:
    # The typed word stays an alternative: a recognised term adds to what was typed.
    phrases = tuple(dict.fromkeys((*concept.phrases, *_single(extra))))
    return TermGroup(phrases, concept=concept.key, source=source, preferred=concept.preferred_phrases)


def _is_dictionary_word(word: str) -> bool:
    return any(is_word(language, word) for language in COMPOUNDING_LANGUAGES)


class WordLookup(Protocol):
    """What query analysis asks of the index vocabulary (``search.vocabulary``)."""

    def neighbours(self, word: str) -> set[str]:
        """The other Scandinavian spellings of ``word`` that the index has."""

    def knows(self, word: str) -> bool:
        """Whether ``word`` (lower case) is a word of the index or the glossary: a compound's part."""


class GlossaryWords:
    """The lookup without an index vocabulary: glossary words only, no neighbours."""

    def __init__(self) -> None:
        self.words = glossary_words()

    def neighbours(self, word: str) -> set[str]:
        return set()

    def knows(self, word: str) -> bool:
        return word in self.words


class _Known:
    """``in`` for the compound splitter, answered by a lookup."""

    def __init__(self, lookup: WordLookup) -> None:
        self.lookup = lookup

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.lookup.knows(word)


def _word_groups(word: str, lookup: WordLookup) -> list[TermGroup]:
    """The groups of one typed word: itself (with its Scandinavian neighbours), or each part of a compound.

    A compound is split against the dictionaries, the glossary and the index's own words.
    """
    neighbours = lookup.neighbours
    whole = _with_neighbours(word, neighbours)
    concept = find_concept([word], 0)
    # A dictionary word the index has is not split ("handledning" is not "hand" + "ledning"); one the
    # index lacks is, since its parts may be written apart ("arbeidsgiveransvar": "ansvar for arbeidsgivere").
    whole_known = _is_dictionary_word(word) and lookup.knows(word)
    parts = () if whole_known else split_with(word, _Known(lookup))
    if not parts:
        return [_group(concept, word, whole)]
    return [
        _group(concept or find_concept([part], 0), word, whole | _with_neighbours(part, neighbours))
        for part in parts
    ]


def _with_neighbours(word: str, neighbours: Callable[[str], set[str]]) -> set[str]:
    found = set(query_variants(word))
    for neighbour in neighbours(word):
        found |= query_variants(neighbour)
    return found


def _group(concept: tuple[Concept, int] | None, source: str, terms: set[str]) -> TermGroup:
    return _concept_group(concept[0], source, terms) if concept else TermGroup(_single(terms), source=source)


def analyse_query(text: str, lookup: WordLookup | None = None) -> AnalysedQuery:
    """The query's words grouped: glossary terms as one group each, other words one group each.

    ``lookup`` knows the index's words and their Scandinavian neighbours (``search.vocabulary``).
    """
    lookup = lookup or GlossaryWords()
    found = query_words(text)[:MAX_QUERY_WORDS]
    groups: list[TermGroup] = []
    position = 0
    while position < len(found):
        concept = find_concept(found, position)
        if concept and concept[1] > 1:
            match, length = concept
            source = " ".join(found[position : position + length])
            groups.append(_concept_group(match, source, set()))
            position += length
            continue
        groups.extend(_word_groups(found[position], lookup))
        position += 1
    return AnalysedQuery(text=text, groups=tuple(groups))


@dataclass(frozen=True)
class Filters:
    content_type: str = ""
    #: Only material available in this language, shown in it.
    language: str = ""
    topic: str = ""
    audience: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass(frozen=True)
class SearchRequest:
    text: str
    #: The reader's language: results are shown in it or along its fallback chain.
    language: str
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    per_page: int = 10


def clean_text(text: str | None) -> str:
    """The query text, trimmed; refused when too long, with a message saying the limit."""
    text = (text or "").replace("\x00", " ").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchInputError(
            _("The search text is too long: use at most %(limit)d characters.") % {"limit": MAX_QUERY_LENGTH}
        )
    return text
