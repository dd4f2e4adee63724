"""The search API, /api/search/?q=&lang=, with its OpenAPI schema at /api/search/openapi.json."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError

from search.backends import SearchUnavailable
from search.query import Filters, SearchInputError, SearchRequest
from search.service import autocomplete, search
from website.languages import is_language

api = NinjaAPI(
    title="Nordpeer search",
    version="1",
    description="Search the resource library in every language; one result per material.",
    urls_namespace="search_api",
)


def unavailable_message() -> str:
    return _("Search is not available at the moment. Please try again in a few minutes.")


class LanguageLinkOut(Schema):
    code: str
    name: str
    url: str


class ResultOut(Schema):
    translation_key: str
    title: str
    url: str
    language: str
    is_fallback: bool
    content_type: str
    content_type_label: str
    summary: str
    #: HTML: escaped text with matched words in <mark>.
    snippet: str
    other_languages: list[LanguageLinkOut]
    published_at: datetime | None = None
    starts_at: datetime | None = None
    year: int | None = None


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    query: str
    lang: str
    total: int
    page: int
    pages: int
    loosened: bool
    #: The corrected query that found the results when the query as typed found nothing, or "".
    did_you_mean: str
    results: list[ResultOut]
    facets: list[FacetOut]


class SuggestionOut(Schema):
    title: str
    url: str
    language: str


class ErrorOut(Schema):
    detail: str


def _language(lang: str | None) -> str:
    lang = lang or settings.LANGUAGE_CODE
    if not is_language(lang):
        raise HttpError(400, _("There is no language “%(value)s”.") % {"value": lang[:50]})
    return lang


@api.get("/", response={200: SearchOut, 400: ErrorOut, 503: ErrorOut}, summary="Search the library")
def search_library(
    request: HttpRequest,
    q: str = "",
    lang: str | None = None,
    type: str = "",
    language: str = "",
    topic: str = "",
    audience: str = "",
    page: int = 1,
    per_page: int = 10,
):
    """Results grouped by material, in ``lang`` or its fallback languages; facets count materials."""
    language_code = _language(lang)
    with translation.override(language_code):
        filters = Filters(content_type=type, language=language, topic=topic, audience=audience)
        request_ = SearchRequest(
            text=q, language=language_code, filters=filters, page=max(1, page), per_page=per_page
        )
        try:
            found = search(request_)
        except SearchInputError as error:
            return Status(400, {"detail": str(error)})
        except SearchUnavailable:
            return Status(503, {"detail": unavailable_message()})
        return Status(
            200,
            {
                "query": q,
                "lang": language_code,
                "total": found.total,
                "page": request_.page,
                "pages": found.pages,
                "loosened": found.loosened,
                "did_you_mean": found.did_you_mean,
                "results": [r.__dict__ for r in found.results],
                "facets": [{"name": f.name, "values": [v.__dict__ for v in f.values]} for f in found.facets],
            },
        )


@api.get(
    "/autocomplete",
    response={200: list[SuggestionOut], 400: ErrorOut, 503: ErrorOut},
    summary="Title suggestions",
)
def suggest(request: HttpRequest, q: str = "", lang: str | None = None):
    """Titles whose words start with the words typed, one per material, in the reader's language."""
    language_code = _language(lang)
    with translation.override(language_code):
        try:
            return Status(200, [s.__dict__ for s in autocomplete(q, language_code)])
        except SearchInputError as error:
            return Status(400, {"detail": str(error)})
        except SearchUnavailable:
            return Status(503, {"detail": unavailable_message()})
