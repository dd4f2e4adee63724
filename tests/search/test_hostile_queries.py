"""Hostile input gives results or a clear message, never a server error, on the page and the API."""

from __future__ import annotations

import pytest

from search.backends.embedded import embedded_backend
from tests.html import parse
from tests.search.test_backend_contract import LIBRARY

HOSTILE = [
    "",
    " ",
    "x" * 10_000,
    "NEAR",
    "peer NEAR support",
    "NEAR(peer support, 2)",
    "*",
    "**",
    "peer*",
    '"',
    '"peer support',
    "(",
    "((peer",
    "peer)",
    "{title_terms}: peer",
    "title_terms:peer",
    "peer AND OR NOT",
    "-peer",
    "^peer",
    "'; DROP TABLE search_indexeddocument; --",
    "1 OR 1=1",
    "peer' OR '1'='1",
    "\x00peer",
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "peer & support | !hope <-> :*",
    "støtte ∞ 🙂 文字",
    "a" * 499 + " b",
]

#: Which of HOSTILE are refused with a message (400): too long, and on the page a NUL character.
#: Every other one is searched (200), whatever it looks like.
TOO_LONG = {"x" * 10_000, "a" * 499 + " b"}
REFUSED_ON_THE_PAGE = TOO_LONG | {"\x00peer"}
REFUSED_BY_THE_API = TOO_LONG

#: Filters and numbers a reader or client may send, with the page's and the API's answer: an
#: unknown facet value is named in a 400; an unknown topic id just finds nothing; the page
#: refuses a page number it cannot show, the API clamps it (django-ninja says 422 for a non-number).
UNKNOWN_FILTERS = [
    ({"type": "nonsense"}, 400, 400),
    ({"language": "klingon"}, 400, 400),
    ({"audience": "aliens"}, 400, 400),
    ({"topic": "not-a-uuid"}, 400, 400),
    ({"topic": "00000000-0000-0000-0000-000000000000"}, 200, 200),
    ({"page": "0"}, 400, 200),
    ({"page": "-3"}, 400, 200),
    ({"page": "abc"}, 400, 422),
    ({"page": "999999999999"}, 400, 200),
    ({"per_page": "100000"}, 200, 200),
]


@pytest.fixture
def library(db):
    embedded_backend().rebuild(LIBRARY)


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_on_the_page(library, client, query):
    response = client.get("/en/search/", {"q": query})
    if query in REFUSED_ON_THE_PAGE:
        assert response.status_code == 400
        assert parse(response.content).find(attrs={"role": "alert"}) is not None
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_on_the_api(library, client, query):
    response = client.get("/api/search/", {"q": query, "lang": "nb"})
    autocomplete = client.get("/api/search/autocomplete", {"q": query})
    if query in REFUSED_BY_THE_API:
        assert (response.status_code, autocomplete.status_code) == (400, 400)
        assert response.json()["detail"]
    else:
        assert (response.status_code, autocomplete.status_code) == (200, 200)
        assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize(
    ("params", "page_status", "api_status"), UNKNOWN_FILTERS, ids=[str(p[0]) for p in UNKNOWN_FILTERS]
)
def test_unknown_facet_values_and_bad_numbers(library, client, params, page_status, api_status):
    assert client.get("/en/search/", {"q": "peer", **params}).status_code == page_status
    assert client.get("/api/search/", {"q": "peer", **params}).status_code == api_status


def test_unknown_facet_values_are_named_in_the_message(library, client):
    response = client.get("/api/search/", {"q": "peer", "type": "nonsense"})
    assert response.status_code == 400
    assert "nonsense" in response.json()["detail"]
    page = client.get("/en/search/", {"q": "peer", "audience": "aliens"})
    assert "aliens" in page.content.decode()


def test_a_too_long_query_says_the_limit(library, client):
    response = client.get("/api/search/", {"q": "x" * 10_000})
    assert response.status_code == 400 and "500" in response.json()["detail"]
