"""The Elasticsearch backend's index settings, mappings and requests, checked as data (no server here)."""

from __future__ import annotations

import re
from unittest import mock

import pytest

from search.analysis import search_languages
from search.backends.elastic import ElasticsearchBackend
from search.backends.elastic_index import (
    autocomplete_body,
    document_body,
    find_body,
    index_definition,
    search_body,
)
from search.documents import SearchDocument
from search.light_stemming import light_stem
from search.query import AnalysedQuery, TermGroup

SYNONYMS = [["brukarmedarbetare", "erfaringskonsulent", "peer support worker"]]


@pytest.fixture
def definition():
    return index_definition("nordpeer-test", synonyms=SYNONYMS).to_dict()


def test_every_language_has_its_analyzer_with_stop_words_stemmer_and_folding(definition):
    analysis = definition["settings"]["analysis"]
    for language in search_languages():
        chain = analysis["analyzer"][f"nordpeer_{language}"]
        assert chain["tokenizer"] == "standard"
        assert chain["filter"][0] == "lowercase"
        assert chain["filter"][-1] == "asciifolding"
        assert f"nordpeer_stop_{language}" in chain["filter"]
    assert analysis["filter"]["nordpeer_stem_nb"] == {"type": "snowball", "language": "Norwegian"}
    assert analysis["filter"]["nordpeer_stem_lt"] == {"type": "snowball", "language": "Lithuanian"}
    assert "och" in analysis["filter"]["nordpeer_stop_sv"]["stopwords"]


@pytest.mark.parametrize(
    ("language", "word"), [("lv", "atbalstam"), ("is", "stuðningsins"), ("lv", "cerību")]
)
def test_latvian_and_icelandic_use_the_same_light_stemmer_as_the_embedded_backend(definition, language, word):
    light = definition["settings"]["analysis"]["filter"][f"nordpeer_light_stem_{language}"]
    assert light["type"] == "pattern_replace"
    java_style = re.sub(r"^\^", "^", light["pattern"])
    assert re.sub(java_style, light["replacement"].replace("$1", r"\1"), word) == light_stem(language, word)


def test_the_glossary_is_a_synonym_filter_on_the_folded_search_analyzer(definition):
    analysis = definition["settings"]["analysis"]
    assert analysis["filter"]["nordpeer_glossary"] == {
        "type": "synonym_graph",
        "synonyms": ["brukarmedarbetare, erfaringskonsulent, peer support worker"],
        "lenient": True,
    }
    assert analysis["analyzer"]["nordpeer_folded_search"]["filter"] == [
        "lowercase",
        "asciifolding",
        "nordpeer_glossary",
    ]
    properties = definition["mappings"]["properties"]
    assert properties["body_folded"] == {
        "type": "text",
        "analyzer": "nordpeer_folded",
        "search_analyzer": "nordpeer_folded_search",
    }


def test_mappings_keep_facets_as_keywords_and_text_per_language(definition):
    properties = definition["mappings"]["properties"]
    for keyword in ("translation_key", "language", "content_type", "topic", "audience", "languages"):
        assert properties[keyword] == {"type": "keyword"}
    assert properties["title_fi"] == {"type": "text", "analyzer": "nordpeer_fi"}
    assert properties["body"]["index"] is False
    assert properties["published_at"] == {"type": "date"}


def test_a_document_fills_only_its_own_languages_fields():
    document = SearchDocument(
        page_id=7, translation_key="k", language="sv", content_type="video", title="Hopp", summary="S",
        body="B", url="/sv/hopp/", languages=("en", "sv"),
    )  # fmt: skip
    body = document_body(document)
    assert body["title_sv"] == "Hopp" and body["body_sv"] == "S\nB"
    assert not any(k.endswith("_nb") for k in body)
    assert body["languages"] == ["en", "sv"] and body["published_at"] is None


def test_search_body_queries_every_language_and_the_folded_fields():
    query = AnalysedQuery(text="hopp", groups=(TermGroup(alternatives=(("hopp",),)),))
    body = search_body(query, 50)
    # The matching clauses are a bool that must match; phrase boosts sit beside it.
    should = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert len(should) == len(search_languages()) + 2  # every language, folded, folded with fuzziness
    assert should[0]["multi_match"] == {
        "query": "hopp",
        "type": "cross_fields",
        "operator": "and",
        "fields": ["title_en^4", "body_en"],
    }
    assert should[-2]["multi_match"]["fields"] == ["title_folded^4", "body_folded"]
    assert body["size"] == 50 and body["_source"] == [
        "page_id", "translation_key", "language", "content_type", "topic", "audience", "languages", "title",
    ]  # fmt: skip
    loosened = search_body(query.loosened(), 5)["query"]["bool"]["must"][0]["bool"]["should"]
    assert loosened[0]["multi_match"]["operator"] == "or"


def test_autocomplete_and_find_bodies():
    assert autocomplete_body(["sto", "fra"], 8)["query"] == {
        "bool": {
            "must": [
                {"prefix": {"title_folded": {"value": "sto"}}},
                {"prefix": {"title_folded": {"value": "fra"}}},
            ]
        }
    }
    pair = find_body([("k", "nb")])["query"]["bool"]["should"][0]
    assert pair == {"bool": {"filter": [{"term": {"translation_key": "k"}}, {"term": {"language": "nb"}}]}}


def test_rebuild_writes_a_new_index_then_moves_the_alias_and_drops_the_old_one(db):
    client = mock.MagicMock()
    client.indices.get_alias.return_value = {"nordpeer-old": {}}
    backend = ElasticsearchBackend("http://unused", alias="nordpeer", client=client)
    with mock.patch("search.backends.elastic.streaming_bulk", return_value=iter([(True, {})] * 3)):
        assert backend.rebuild([]) == 3
    new_index = client.indices.create.call_args.kwargs["index"]
    assert new_index.startswith("nordpeer-")
    assert client.indices.update_aliases.call_args.kwargs["body"] == {
        "actions": [
            {"remove": {"index": "nordpeer-old", "alias": "nordpeer"}},
            {"add": {"index": new_index, "alias": "nordpeer"}},
        ]
    }
    client.indices.delete.assert_called_once_with(index="nordpeer-old")


def test_an_unreachable_engine_is_reported_as_unavailable(db):
    from elasticsearch import ConnectionError as ESConnectionError

    from search.backends import SearchUnavailable

    client = mock.MagicMock()
    client.indices.exists_alias.side_effect = ESConnectionError("refused")
    backend = ElasticsearchBackend("http://unused", client=client)
    with pytest.raises(SearchUnavailable):
        backend.count()
