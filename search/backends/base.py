"""The one interface every search backend implements, and what it returns.

A backend stores ``SearchDocument``s and finds the ones matching an ``AnalysedQuery``.
Grouping by translation_key, the reader's language, facets, pagination and snippets are
the same for every backend and live in ``search.service``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from search.documents import SearchDocument
from search.query import AnalysedQuery

#: Called with the number of documents written so far during a rebuild.
Progress = Callable[[int], None]


class SearchUnavailable(RuntimeError):
    """The search engine cannot be reached or refused the request; try again later."""


class Hit(NamedTuple):
    """One matching document, with what grouping and facets need, but not its text.

    A named tuple: a search makes up to MAX_HITS of them, and these are the cheapest to make.
    """

    page_id: int
    translation_key: str
    language: str
    content_type: str
    topic: str
    audience: str
    languages: tuple[str, ...]
    score: float
    #: The document's title, for ranking exact title matches first.
    title: str = ""


class SearchBackend(ABC):
    #: Short name shown in logs and the reindex command.
    name: str = ""

    @abstractmethod
    def upsert(self, documents: Sequence[SearchDocument]) -> None:
        """Add or replace these documents."""

    @abstractmethod
    def delete_keys(self, translation_keys: Sequence[str]) -> None:
        """Remove every document of these translation keys."""

    @abstractmethod
    def page_ids_of_key(self, translation_key: str) -> set[int]:
        """The pages indexed under one translation key."""

    @abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Replace the whole index with ``documents``, searchable meanwhile; returns the count."""

    @abstractmethod
    def match(self, query: AnalysedQuery, limit: int) -> list[Hit]:
        """The best ``limit`` matching documents, best first."""

    def matches_any(self, query: AnalysedQuery) -> bool:
        """Whether any document matches ``query`` (typo correction asks this of each word)."""
        return bool(self.match(query, 1))

    def matching_ids(self, query: AnalysedQuery, page_ids: Sequence[int]) -> set[int]:
        """Which of ``page_ids`` match ``query`` (used to rank phrases and preferred terms first).

        Engines that rank phrases themselves (Elasticsearch's ``match_phrase`` clauses) keep this default.
        """
        return set()

    @abstractmethod
    def autocomplete(self, prefixes: Sequence[str], limit: int) -> list[Hit]:
        """Documents whose title has a word starting with each of ``prefixes`` (folded), best first."""

    @abstractmethod
    def fetch(self, page_ids: Sequence[int]) -> dict[int, SearchDocument]:
        """The stored documents with these page ids."""

    @abstractmethod
    def find(self, translation_key: str, language: str) -> SearchDocument | None:
        """The stored document of one translation key in one language."""

    @abstractmethod
    def count(self) -> int:
        """How many documents the index holds."""

    def replace_key(self, translation_key: str, documents: Sequence[SearchDocument]) -> None:
        """Make the index hold exactly ``documents`` for ``translation_key`` (none: remove it)."""
        keep = {d.page_id for d in documents}
        stale = self.page_ids_of_key(translation_key) - keep
        if stale:
            self.delete_pages(sorted(stale))
        if documents:
            self.upsert(documents)

    @abstractmethod
    def delete_pages(self, page_ids: Sequence[int]) -> None:
        """Remove the documents of these pages."""

    @abstractmethod
    def urls(self, translation_keys: Sequence[str]) -> dict[tuple[str, str], str]:
        """The URL of every indexed language of these keys, by (translation_key, language)."""

    def find_many(self, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], SearchDocument]:
        """Documents by (translation_key, language); backends may do this in one round trip."""
        found = {}
        for key, language in wanted:
            document = self.find(key, language)
            if document:
                found[(key, language)] = document
        return found
