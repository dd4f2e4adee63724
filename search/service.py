"""Searching, as the page and the API ask for it: one result per material, in the reader's language.

Backends return matching documents (``Hit``s). Here they are grouped by translation_key;
filters and facet counts are worked out over the groups; the page of results is shown in
the reader's language where the material exists in it, else along the reader's fallback
chain, with its other languages listed and a highlighted snippet.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from search.analysis import fold, words
from search.backends import Hit, SearchBackend, get_backend
from search.documents import CONTENT_TYPES, SearchDocument, content_type_label
from search.highlighting import snippet
from search.query import (
    MAX_HITS,
    MAX_PER_PAGE,
    Filters,
    SearchInputError,
    SearchRequest,
    analyse_query,
    clean_text,
)
from search.ranking import rerank
from search.spelling import corrected
from search.vocabulary import for_reader
from website.languages import best_in_chain, is_language, native_name
from website.models import SectionPage
from website.models.base import Audience

FACETS = ("content_type", "language", "topic", "audience")


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str


@dataclass(frozen=True)
class Result:
    translation_key: str
    title: str
    url: str
    #: The language the result is shown in.
    language: str
    summary: str
    snippet: SafeString
    content_type: str
    content_type_label: str
    #: The reader's language is missing and this is the nearest one in their fallback chain.
    is_fallback: bool
    #: The material's other languages, each with its page.
    other_languages: list[LanguageLink]
    published_at: datetime | None = None
    starts_at: datetime | None = None
    year: int | None = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    values: list[FacetValue]


@dataclass
class SearchPage:
    request: SearchRequest
    results: list[Result] = field(default_factory=list)
    #: Number of materials (not documents) found.
    total: int = 0
    pages: int = 0
    facets: list[Facet] = field(default_factory=list)
    #: Nothing matched every word, so these results match some of them.
    loosened: bool = False
    #: The corrected query that found these results when the query as typed found nothing.
    did_you_mean: str = ""


class _Group:
    """The hits of one material, best first. Facet values other than language are the best hit's."""

    __slots__ = ("best", "hits", "key", "languages")

    def __init__(self, key: str, best: Hit) -> None:
        self.key = key
        self.best = best
        self.hits = [best]
        self.languages = {best.language, *best.languages}

    def add(self, hit: Hit) -> None:
        self.hits.append(hit)
        self.languages.add(hit.language)

    def has(self, facet: str, value: str) -> bool:
        return value in self.languages if facet == "language" else getattr(self.best, facet) == value

    def values(self, facet: str) -> Iterable[str]:
        if facet == "language":
            return self.languages
        value = getattr(self.best, facet)
        return (value,) if value else ()


def validate_filters(filters: Filters) -> Filters:
    """``filters`` if every value is one the index knows, else SearchInputError saying which is not."""
    if filters.content_type and filters.content_type not in CONTENT_TYPES:
        raise SearchInputError(
            _("There is no content type “%(value)s”.") % {"value": filters.content_type[:50]}
        )
    if filters.language and not is_language(filters.language):
        raise SearchInputError(_("There is no language “%(value)s”.") % {"value": filters.language[:50]})
    if filters.audience and filters.audience not in Audience.values:
        raise SearchInputError(_("There is no audience “%(value)s”.") % {"value": filters.audience[:50]})
    if filters.topic:
        try:
            uuid.UUID(filters.topic)
        except ValueError:
            raise SearchInputError(
                _("There is no topic “%(value)s”.") % {"value": filters.topic[:50]}
            ) from None
    return filters


def _failed(group: _Group, filters: dict[str, str]) -> list[str]:
    """The filters ``group`` does not pass."""
    return [name for name, value in filters.items() if not group.has(name, value)]


def _labels(facet: str, values: list[str], language: str) -> dict[str, str]:
    if facet == "content_type":
        return {v: content_type_label(v) for v in values}
    if facet == "language":
        return {v: native_name(v) for v in values}
    if facet == "audience":
        return {v: str(Audience(v).label) if v in Audience.values else v for v in values}
    if not values:
        return {}  # building the section query alone costs 0.5 ms (page inheritance)
    sections = SectionPage.objects.filter(translation_key__in=values).select_related("locale")
    best: dict[str, SectionPage] = {}
    for section in sections:
        current = best.get(str(section.translation_key))
        codes = [section.locale.language_code] + ([current.locale.language_code] if current else [])
        if current is None or best_in_chain(language, codes) == section.locale.language_code:
            best[str(section.translation_key)] = section
    return {v: best[v].title if v in best else v for v in values}


def _facets(groups: list[_Group], filters: dict[str, str], language: str) -> list[Facet]:
    """Counts of materials per value; each facet counts as if its own filter were not set."""
    # Values are gathered in lists and counted once per facet: Counter.update per group is
    # several times slower, and a broad query has hundreds of groups.
    found: dict[str, list[str]] = {name: [] for name in FACETS}
    for group in groups:
        failed = _failed(group, filters) if filters else ()
        if len(failed) > 1:
            continue
        for name in failed or FACETS:
            found[name].extend(group.values(name))
    counts = {name: Counter(values) for name, values in found.items()}
    facets = []
    for name in FACETS:
        labels = _labels(name, list(counts[name]), language)
        values = [
            FacetValue(value=v, label=labels[v], count=c, selected=filters.get(name) == v)
            for v, c in sorted(counts[name].items(), key=lambda item: (-item[1], labels[item[0]]))
        ]
        facets.append(Facet(name=name, values=values))
    return facets


def _group(hits: list[Hit]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for hit in hits:  # best first, so a group's first hit is its best
        group = groups.get(hit.translation_key)
        if group is None:
            groups[hit.translation_key] = _Group(hit.translation_key, hit)
        else:
            group.add(hit)
    return list(groups.values())


def shown_language(group: _Group, reader: str, only: str = "") -> str:
    """The language a group is shown in: the filter's, else the reader's chain, else its best hit's."""
    if only:
        return only
    return best_in_chain(reader, group.languages) or group.best.language


def _result(group: _Group, language: str, reader: str, documents: dict, urls: dict, terms) -> Result | None:
    document: SearchDocument | None = documents.get((group.key, language))
    if document is None:
        return None
    others = [
        LanguageLink(code=code, name=native_name(code), url=urls[(group.key, code)])
        for code in sorted(group.languages - {language})
        if (group.key, code) in urls
    ]
    text = f"{document.summary}\n{document.body}"
    return Result(
        translation_key=group.key,
        title=document.title,
        url=document.url,
        language=language,
        summary=document.summary,
        snippet=snippet(text, language, terms),
        content_type=document.content_type,
        content_type_label=content_type_label(document.content_type),
        is_fallback=language != reader,
        other_languages=others,
        published_at=document.published_at,
        starts_at=document.starts_at,
        year=document.year,
    )


def search(request: SearchRequest, backend: SearchBackend | None = None) -> SearchPage:
    """One page of results for ``request``; SearchInputError for a request that cannot be searched."""
    backend = backend or get_backend()
    text = clean_text(request.text)
    filters = validate_filters(request.filters).as_dict()
    page = SearchPage(request=request)
    if not text:
        return page
    lookup = for_reader(request.language)
    query = analyse_query(text, lookup)
    hits = backend.match(query, MAX_HITS)
    if not hits:
        correction = corrected(query, backend, lookup)
        hits = backend.match(correction, MAX_HITS) if correction else []
        if hits:
            query, page.did_you_mean = correction, correction.text
    if not hits and len(query.groups) > 1:
        query = query.loosened()
        hits = backend.match(query, MAX_HITS)
        page.loosened = bool(hits)
    hits = rerank(hits, query, backend)
    groups = _group(hits)
    page.facets = _facets(groups, filters, request.language)
    kept = [g for g in groups if not _failed(g, filters)]
    per_page = max(1, min(request.per_page, MAX_PER_PAGE))
    page.total = len(kept)
    page.pages = (len(kept) + per_page - 1) // per_page
    first = (max(1, request.page) - 1) * per_page
    shown = kept[first : first + per_page]
    only = filters.get("language", "")
    languages = [shown_language(group, request.language, only) for group in shown]
    documents = backend.find_many([(g.key, code) for g, code in zip(shown, languages, strict=True)])
    urls = backend.urls([g.key for g in shown]) if shown else {}
    for group, language in zip(shown, languages, strict=True):
        result = _result(group, language, request.language, documents, urls, query.terms)
        if result:
            page.results.append(result)
    return page


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    language: str


def autocomplete(
    text: str, language: str, limit: int = 8, backend: SearchBackend | None = None
) -> list[Suggestion]:
    """Titles that start like ``text`` (each word a prefix), one per material, in the reader's language."""
    backend = backend or get_backend()
    prefixes = [fold(w) for w in words(clean_text(text))][:6]
    if not prefixes:
        return []
    groups = _group(backend.autocomplete(prefixes, limit * 10))[:limit]
    wanted = [(g.key, shown_language(g, language)) for g in groups]
    documents = backend.find_many(wanted) if wanted else {}
    return [
        Suggestion(title=documents[pair].title, url=documents[pair].url, language=pair[1])
        for pair in wanted
        if pair in documents
    ]
