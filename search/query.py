"""What a reader asks for: the validated request, and the query analysed into term groups.

A query is a list of groups that must all match (AND); a group is a list of alternatives
(OR), each a phrase of index terms. A plain word gives one group whose alternatives are its
stems in every language; a glossary term gives one group with the concept's terms in every
language. Backends compile this structure into their own query language from index terms
only, never from the raw text, so no operator a reader types can reach an engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from search.analysis import query_variants, query_words
from search.glossary import find_concept

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


def analyse_query(text: str) -> AnalysedQuery:
    """The query's words grouped: glossary terms as one group each, other words one group each."""
    found = query_words(text)[:MAX_QUERY_WORDS]
    groups: list[TermGroup] = []
    position = 0
    while position < len(found):
        concept = find_concept(found, position)
        if concept:
            match, length = concept
            groups.append(TermGroup(alternatives=match.phrases, concept=match.key))
            position += length
            continue
        variants = sorted(query_variants(found[position]))
        groups.append(TermGroup(alternatives=tuple((v,) for v in variants)))
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
