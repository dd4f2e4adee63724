"""The public search page in every language and the JSON API with its OpenAPI schema."""

from __future__ import annotations

import pytest
from django.conf import settings

from search.backends.embedded import embedded_backend
from tests.search.test_backend_contract import report
from website.languages import language_codes

# Every test here is a database test, so pytest-django keeps them together, before the
# transactional (browser) tests that empty the database.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", language_codes())
def test_the_search_page_works_in_every_language(corpus, client, language):
    response = client.get(f"/{language}/search/", {"q": "peer support worker"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<label for="search-q">' in html and 'name="q"' in html
    assert 'class="search-result"' in html


def test_a_swedish_reader_sees_norwegian_material_marked_as_shown_in_norwegian(corpus, client):
    response = client.get("/sv/search/", {"q": "arbetsgivare"})
    first = response.context["results"].results[0]
    assert (first.translation_key, first.language) == (corpus.key_of("hiring"), "nb")
    html = response.content.decode()
    # Swedish when the catalogues are compiled (make test compiles them), the source text otherwise.
    assert "visas på Norsk bokmål" in html or "shown in Norsk bokmål" in html
    assert 'lang="nb"' in html and 'hreflang="en"' in html


def test_facets_are_links_that_narrow_the_results(corpus, client):
    response = client.get("/en/search/", {"q": "peer support worker"})
    facets = {f["name"]: f for f in response.context["facets"]}
    video = next(v for v in facets["content_type"]["values"] if v["value"].value == "video")
    narrowed = client.get("/en/search/" + video["url"])
    results = narrowed.context["results"].results
    assert results and {r.content_type for r in results} == {"video"}
    assert 'aria-current="true"' in narrowed.content.decode()


def test_results_come_in_pages_on_the_page_and_in_the_api(client, db):
    embedded_backend().rebuild([report(i) for i in range(23)])
    first = client.get("/en/search/", {"q": "report"})
    html = first.content.decode()
    assert 'rel="next"' in html and 'rel="prev"' not in html and "Page 1 of 3" in html
    last = client.get("/en/search/", {"q": "report", "page": 3})
    assert len(last.context["results"].results) == 3 and 'rel="prev"' in last.content.decode()
    data = client.get("/api/search/", {"q": "report", "per_page": 20, "page": 2}).json()
    assert (data["total"], data["pages"], len(data["results"])) == (23, 2, 3)


def test_the_query_is_shown_escaped(corpus, client):
    response = client.get("/en/search/", {"q": '<script>alert("x")</script>'})
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in response.content.decode()


def test_api_returns_grouped_results_in_the_readers_language(corpus, client):
    response = client.get("/api/search/", {"q": "arbetsgivare", "lang": "sv"})
    assert response.status_code == 200
    data = response.json()
    top = data["results"][0]
    assert (top["translation_key"], top["language"], top["is_fallback"]) == (
        corpus.key_of("hiring"),
        "nb",
        True,
    )
    assert {link["code"] for link in top["other_languages"]} == {"en"}
    assert {facet["name"] for facet in data["facets"]} == {"content_type", "language", "topic", "audience"}
    assert data["lang"] == "sv" and data["total"] >= 1


def test_api_defaults_to_the_source_language_and_refuses_unknown_ones(corpus, client):
    assert client.get("/api/search/", {"q": "hope"}).json()["lang"] == settings.LANGUAGE_CODE
    response = client.get("/api/search/", {"q": "hope", "lang": "xx"})
    assert response.status_code == 400 and "xx" in response.json()["detail"]


def test_api_autocomplete_suggests_titles_in_the_readers_language(corpus, client):
    response = client.get("/api/search/autocomplete", {"q": "gruppe", "lang": "nb"})
    assert response.status_code == 200
    assert response.json()[0] == {
        "title": "Gruppeveiledning for erfaringskonsulenter",
        "url": corpus.pages[("video", "nb")].get_url(),
        "language": "nb",
    }


def test_openapi_schema_describes_the_search_api(client, db):
    schema = client.get("/api/search/openapi.json").json()
    assert schema["info"]["title"] == "Nordpeer search"
    assert "/api/search/" in schema["paths"] and "/api/search/autocomplete" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert {"q", "lang", "type", "language", "topic", "audience", "page", "per_page"} <= parameters
