"""The contract every search backend keeps: run on the embedded backend of the test database
(SQLite FTS5, or PostgreSQL when DATABASE_URL points there) and on Elasticsearch when
ELASTICSEARCH_URL is set (skipped otherwise)."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import Locale

from search.backends.embedded import embedded_backend
from search.documents import SearchDocument
from search.query import Filters, SearchRequest, analyse_query
from search.service import autocomplete, search
from website.models import GlossaryTerm

KEYS = {name: str(uuid.uuid5(uuid.NAMESPACE_URL, name)) for name in ("support", "hiring", "hope", "other")}


def doc(page_id: int, key: str, language: str, title: str, body: str = "", **fields) -> SearchDocument:
    fields.setdefault("languages", (language,))
    fields.setdefault("content_type", "material")
    return SearchDocument(
        page_id=page_id,
        translation_key=KEYS[key],
        language=language,
        title=title,
        summary=fields.pop("summary", ""),
        body=body,
        url=f"/{language}/{key}-{page_id}/",
        **fields,
    )


LIBRARY = [
    doc(1, "support", "en", "Peer support at work", "A peer support worker walks alongside people.",
        languages=("en", "nb"), audience="employers", topic=KEYS["other"],
        published_at=datetime(2025, 3, 1, tzinfo=UTC)),
    doc(2, "support", "nb", "Støtte fra erfaringskonsulenter", "Erfaringskonsulentene går ved siden av folk.",
        languages=("en", "nb"), audience="employers", topic=KEYS["other"]),
    doc(3, "hiring", "en", "Hiring guide", "How employers prepare a workplace for peer support.",
        content_type="publication", year=2024),
    doc(4, "hope", "sv", "Hopp och återhämtning", "Återhämtning börjar med hopp.", content_type="video"),
    doc(5, "other", "fi", "Vertaistuki työpaikalla", "Vertaistyöntekijä tukee työssä."),
]  # fmt: skip


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request, db):
    if request.param == "embedded":
        assert connection.vendor in {"sqlite", "postgresql"}
        yield embedded_backend()
        return
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch to test against")
    from search.backends.elastic import ElasticsearchBackend

    engine = ElasticsearchBackend(url, alias=f"nordpeer-test-{uuid.uuid4().hex[:8]}")
    yield engine
    engine.client.indices.delete(index=f"{engine.alias}-*", ignore_unavailable=True)


@pytest.fixture
def glossary(db):
    """One concept in three languages: what makes a Swedish word find English and Norwegian text."""
    cache.clear()
    key = uuid.uuid4()
    for code, term in (
        ("en", "peer support worker"),
        ("nb", "erfaringskonsulent"),
        ("sv", "brukarmedarbetare"),
    ):
        locale, _created = Locale.objects.get_or_create(language_code=code)
        GlossaryTerm.objects.create(locale=locale, translation_key=key, term=term, definition=term)
    yield
    cache.clear()


def ids(hits) -> list[int]:
    return [h.page_id for h in hits]


def test_rebuild_replaces_everything(backend):
    assert backend.rebuild(LIBRARY) == len(LIBRARY)
    assert backend.count() == 5
    assert backend.rebuild(LIBRARY[:2]) == 2
    assert backend.count() == 2
    assert backend.fetch([3]) == {}


def test_stored_documents_come_back_whole(backend):
    backend.rebuild(LIBRARY)
    assert backend.fetch([1, 3]) == {1: LIBRARY[0], 3: LIBRARY[2]}
    assert backend.find(KEYS["support"], "nb") == LIBRARY[1]
    assert backend.find(KEYS["support"], "da") is None
    found = backend.find_many([(KEYS["support"], "en"), (KEYS["hope"], "sv"), (KEYS["hope"], "en")])
    assert found == {(KEYS["support"], "en"): LIBRARY[0], (KEYS["hope"], "sv"): LIBRARY[3]}


def test_words_match_across_inflections_in_the_documents_language(backend):
    backend.rebuild(LIBRARY)
    assert ids(backend.match(analyse_query("erfaringskonsulent"), 10)) == [2]
    assert 4 in ids(backend.match(analyse_query("återhämtningen"), 10))
    assert ids(backend.match(analyse_query("employer"), 10)) == [3]


def test_special_letters_may_be_typed_plain(backend):
    backend.rebuild(LIBRARY)
    assert ids(backend.match(analyse_query("stotte"), 10)) == [2]
    assert ids(backend.match(analyse_query("aterhamtning"), 10)) == [4]
    assert ids(backend.match(analyse_query("tyopaikalla"), 10)) == [5]


def test_every_word_must_match_unless_loosened(backend):
    backend.rebuild(LIBRARY)
    query = analyse_query("hiring återhämtning")
    assert backend.match(query, 10) == []
    assert set(ids(backend.match(query.loosened(), 10))) == {3, 4}


def test_title_matches_rank_above_body_matches(backend):
    backend.rebuild(
        [
            doc(10, "support", "en", "Supervision", "Text."),
            doc(11, "hiring", "en", "Text", "About supervision."),
        ]
    )
    assert ids(backend.match(analyse_query("supervision"), 10)) == [10, 11]


def test_glossary_terms_match_their_concept_in_every_language(backend, glossary):
    backend.rebuild(LIBRARY)
    assert set(ids(backend.match(analyse_query("brukarmedarbetare"), 10))) == {1, 2}


def test_hits_carry_what_grouping_and_facets_need(backend):
    backend.rebuild(LIBRARY)
    (hit,) = backend.match(analyse_query("alongside"), 10)
    assert (hit.page_id, hit.translation_key, hit.language, hit.languages) == (
        1,
        KEYS["support"],
        "en",
        ("en", "nb"),
    )
    assert (hit.content_type, hit.audience, hit.topic) == ("material", "employers", KEYS["other"])
    assert hit.score > 0


def test_whether_anything_matches(backend):
    backend.rebuild(LIBRARY)
    assert backend.matches_any(analyse_query("erfaringskonsulent")) is True
    assert backend.matches_any(analyse_query("xylofonorkester")) is False
    assert backend.matches_any(analyse_query("")) is False


def test_title_matches_lead_however_many_documents_match(backend):
    """More matches than PostgreSQL ranks by their whole text: the title matches still come first."""
    in_body = [doc(100 + i, "other", "en", f"Note {i}", "The yearly report is out.") for i in range(240)]
    in_title = [doc(900 + i, "hiring", "en", f"Report {i}", "Numbers.") for i in range(3)]
    backend.rebuild(in_body + in_title)
    hits = backend.match(analyse_query("report"), 1000)
    assert len(hits) == 243
    assert sorted(ids(hits[:3])) == [900, 901, 902]
    assert ids(backend.match(analyse_query("report"), 2)) == ids(hits[:2])


def test_with_hundreds_of_title_matches_titles_still_lead(backend):
    """Broad queries are ranked in two steps (the best title matches first): every title match leads."""
    titles = [doc(900 + i, "hiring", "en", f"Report {i}", "Sums." + " report" * (i % 3)) for i in range(205)]
    bodies = [doc(100 + i, "other", "en", f"Note {i}", "The yearly report is out.") for i in range(30)]
    backend.rebuild(bodies + titles)
    hits = backend.match(analyse_query("report"), 1000)
    assert len(hits) == 235
    assert {h.page_id for h in hits[:205]} == {d.page_id for d in titles}
    assert len(backend.match(analyse_query("report"), 220)) == 220


def test_limit_is_respected(backend):
    backend.rebuild([doc(100 + i, "other", "en", f"Report {i}", "A yearly report.") for i in range(30)])
    assert len(backend.match(analyse_query("report"), 7)) == 7


def test_upsert_adds_and_replaces(backend):
    backend.rebuild(LIBRARY[:1])
    backend.upsert([doc(1, "support", "en", "Renamed page", "Nothing else."), LIBRARY[2]])
    assert backend.count() == 2
    assert backend.match(analyse_query("alongside"), 10) == []
    assert ids(backend.match(analyse_query("renamed"), 10)) == [1]


def test_replace_key_drops_languages_no_longer_live(backend):
    backend.rebuild(LIBRARY)
    backend.replace_key(KEYS["support"], [LIBRARY[0]])
    assert backend.page_ids_of_key(KEYS["support"]) == {1}
    backend.replace_key(KEYS["support"], [])
    assert backend.page_ids_of_key(KEYS["support"]) == set()
    assert backend.count() == 3


def test_delete_by_page_and_by_key(backend):
    backend.rebuild(LIBRARY)
    backend.delete_pages([5])
    backend.delete_keys([KEYS["hope"]])
    assert sorted(backend.fetch([1, 2, 3, 4, 5])) == [1, 2, 3]


def test_autocomplete_matches_title_word_prefixes(backend):
    backend.rebuild(LIBRARY)
    assert ids(backend.autocomplete(["stot"], 10)) == [2]
    assert set(ids(backend.autocomplete(["pe", "su"], 10))) == {1}
    assert backend.autocomplete(["zzz"], 10) == []


def test_text_that_looks_like_query_syntax_is_only_text(backend):
    backend.rebuild([doc(20, "other", "en", "NEAR OR AND NOT", 'Quotes " and (brackets and * stars')])
    assert ids(backend.match(analyse_query('near "or" (and* NOT'), 10)) == [20]
    assert ids(backend.match(analyse_query("brackets stars"), 10)) == [20]


# --- the service over each backend: grouping, reader's language, facets, pages ----------------


def test_results_are_grouped_and_shown_along_the_fallback_chain(backend):
    backend.rebuild(LIBRARY)
    page = search(SearchRequest(text="peer support", language="sv"), backend=backend)
    (result,) = [r for r in page.results if r.translation_key == KEYS["support"]]
    assert (result.language, result.is_fallback, result.title) == (
        "nb",
        True,
        "Støtte fra erfaringskonsulenter",
    )
    assert [link.code for link in result.other_languages] == ["en"]


def test_facets_count_materials_and_filter(backend):
    backend.rebuild(LIBRARY)
    request = SearchRequest(text="peer support employers alongside", language="en")
    page = search(request, backend=backend)
    assert page.loosened
    facets = {f.name: {v.value: v.count for v in f.values} for f in page.facets}
    assert facets["content_type"] == {"material": 1, "publication": 1}
    assert facets["language"] == {"en": 2, "nb": 1}
    assert facets["audience"] == {"employers": 1}
    filtered = search(
        SearchRequest(text=request.text, language="en", filters=Filters(content_type="publication")),
        backend=backend,
    )
    assert [r.translation_key for r in filtered.results] == [KEYS["hiring"]]
    in_norwegian = search(
        SearchRequest(text=request.text, language="en", filters=Filters(language="nb")), backend=backend
    )
    assert [(r.translation_key, r.language) for r in in_norwegian.results] == [(KEYS["support"], "nb")]


def report(number: int) -> SearchDocument:
    """One of many similar reports, each its own material."""
    return SearchDocument(
        page_id=300 + number, translation_key=str(uuid.uuid5(uuid.NAMESPACE_OID, str(number))), language="en",
        content_type="material", title=f"Report {number}", summary="", body="Yearly report.",
        url=f"/en/r{number}/", languages=("en",),
    )  # fmt: skip


def test_pages_of_results(backend):
    backend.rebuild([report(i) for i in range(25)])
    first = search(SearchRequest(text="report", language="en", per_page=10), backend=backend)
    last = search(SearchRequest(text="report", language="en", per_page=10, page=3), backend=backend)
    assert (first.total, first.pages, len(first.results), len(last.results)) == (25, 3, 10, 5)
    seen = {r.translation_key for r in first.results} & {r.translation_key for r in last.results}
    assert not seen


def test_snippets_mark_matches_and_escape_the_text(backend):
    backend.rebuild(
        [doc(30, "other", "en", "Markup", "Beware <script>alert(1)</script> of the supervision trap.")]
    )
    (result,) = search(SearchRequest(text="supervision", language="en"), backend=backend).results
    assert "<mark>supervision</mark>" in result.snippet
    assert "<script>" not in result.snippet
    assert "&lt;script&gt;" in result.snippet


def test_autocomplete_gives_one_title_per_material_in_the_readers_language(backend):
    backend.rebuild(LIBRARY)
    suggestions = autocomplete("peer sup", "nb", backend=backend)
    assert [(s.title, s.language) for s in suggestions] == [("Støtte fra erfaringskonsulenter", "nb")]
