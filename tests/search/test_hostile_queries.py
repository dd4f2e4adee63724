"""Hostile input gives results or a clear message, never a server error, on the page and the API."""

from __future__ import annotations

import pytest

from search.backends.embedded import embedded_backend
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

UNKNOWN_FILTERS = [
    {"type": "nonsense"},
    {"language": "klingon"},
    {"audience": "aliens"},
    {"topic": "not-a-uuid"},
    {"topic": "00000000-0000-0000-0000-000000000000"},
    {"page": "0"},
    {"page": "-3"},
    {"page": "abc"},
    {"page": "999999999999"},
    {"per_page": "100000"},
]


@pytest.fixture
def library(db):
    embedded_backend().rebuild(LIBRARY)


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_on_the_page(library, client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_on_the_api(library, client, query):
    response = client.get("/api/search/", {"q": query, "lang": "nb"})
    assert response.status_code in (200, 400)
    assert "detail" in response.json() if response.status_code == 400 else "results" in response.json()
    assert client.get("/api/search/autocomplete", {"q": query}).status_code in (200, 400)


@pytest.mark.parametrize("params", UNKNOWN_FILTERS, ids=[str(p) for p in UNKNOWN_FILTERS])
def test_unknown_facet_values_and_bad_numbers(library, client, params):
    page = client.get("/en/search/", {"q": "peer", **params})
    assert page.status_code in (200, 400)
    api = client.get("/api/search/", {"q": "peer", **params})
    assert api.status_code in (200, 400, 422)


def test_unknown_facet_values_are_named_in_the_message(library, client):
    response = client.get("/api/search/", {"q": "peer", "type": "nonsense"})
    assert response.status_code == 400
    assert "nonsense" in response.json()["detail"]
    page = client.get("/en/search/", {"q": "peer", "audience": "aliens"})
    assert "aliens" in page.content.decode()


def test_a_too_long_query_says_the_limit(library, client):
    response = client.get("/api/search/", {"q": "x" * 10_000})
    assert response.status_code == 400 and "500" in response.json()["detail"]
