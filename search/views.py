"""The public search page, /<lang>/search/?q=, in every language of the site."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from search.backends import SearchUnavailable
from search.forms import SearchForm
from search.query import SearchInputError
from search.service import SearchPage, search

#: The query-string name of each facet.
FACET_PARAMS = {"content_type": "type", "language": "language", "topic": "topic", "audience": "audience"}


def _with(params: QueryDict, **changes: str | int | None) -> str:
    """The query string ``params`` with ``changes`` made (None removes), and the page number dropped."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value not in (None, ""):
            query[name] = str(value)
    return "?" + query.urlencode()


def _facet_links(results: SearchPage, params: QueryDict) -> list[dict]:
    headings = {
        "content_type": _("Type"),
        "language": _("Language"),
        "topic": _("Topic"),
        "audience": _("Audience"),
    }
    facets = []
    for facet in results.facets:
        name = FACET_PARAMS[facet.name]
        # A selected value's link removes it again.
        values = [
            {"value": v, "url": _with(params, **{name: None if v.selected else v.value})}
            for v in facet.values
        ]
        if values:
            facets.append({"name": facet.name, "heading": headings[facet.name], "values": values})
    return facets


def search_page(request: HttpRequest) -> HttpResponse:
    language = translation.get_language() or settings.LANGUAGE_CODE
    form = SearchForm(request.GET or None)
    results, error, status = None, "", 200
    if form.is_bound and form.is_valid():
        try:
            results = search(form.search_request(language))
        except SearchInputError as problem:
            error, status = str(problem), 400
        except SearchUnavailable:
            error = _("Search is not available at the moment. Please try again in a few minutes.")
            status = 503
    elif form.is_bound:
        error, status = _("Check the search form: some of its values are not valid."), 400
    params = request.GET
    # The header (home, menu, language switcher) comes from website.context_processors.site_chrome.
    context = {
        "form": form,
        "results": results,
        "error": error,
        "facets": _facet_links(results, params) if results else [],
    }
    if results:
        number = results.request.page
        context["previous_url"] = _with(params, page=number - 1) if number > 1 else ""
        context["next_url"] = _with(params, page=number + 1) if number < results.pages else ""
        context["did_you_mean_url"] = _with(params, q=results.did_you_mean, page=None)
    return render(request, "search/search_page.html", context, status=status)
