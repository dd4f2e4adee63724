"""Relevance: queries in many languages and their expected best result, on the configured backend.

Each case is (query, reader's language, expected top material, language it is shown in).
Cross-language cases find material through the glossary or shared words, and show it in
the reader's language or the nearest one of their fallback chain.
"""

from __future__ import annotations

import pytest

from search.query import SearchRequest
from search.service import search

# Every test here is a database test, so pytest-django keeps them together, before the
# transactional (browser) tests that empty the database.
pytestmark = pytest.mark.django_db


CASES = [
    # English
    ("sharing your story", "en", "sharing", "en"),
    ("self-disclosure", "en", "sharing", "en"),
    ("hiring employers", "en", "hiring", "en"),
    ("hope", "en", "hope", "en"),
    ("boundaries", "en", "boundaries", "en"),
    ("night shifts", "en", "video", "en"),  # only in the English caption track
    ("confidentiality documentation", "en", "handbook", "en"),  # only in the English PDF
    ("conference Tallinn", "en", "conference", "en"),
    # Norwegian
    ("dele historie", "nb", "sharing", "nb"),
    ("arbeidsgivere", "nb", "hiring", "nb"),
    ("nattevakter", "nb", "video", "nb"),
    ("taushetsplikt", "nb", "handbook", "nb"),  # only in the Norwegian PDF
    ("handbok erfaringskonsulenter", "nb", "handbook", "nb"),  # typed without å
    ("kommunen", "nb", "municipal", "da"),  # Danish only: nb -> da
    # Swedish
    ("berättelse", "sv", "sharing", "sv"),
    ("berattelse", "sv", "sharing", "sv"),  # without ä
    ("hopp återhämtning", "sv", "hope", "sv"),
    ("grupphandledning", "sv", "video", "sv"),
    # Swedish reader, material only in Norwegian and English: shown in Norwegian (sv -> nb)
    ("brukarmedarbetare arbetsgivare", "sv", "hiring", "nb"),
    ("arbetsgivare", "sv", "hiring", "nb"),
    # Danish
    ("grænser", "da", "boundaries", "da"),
    ("graenser", "da", "boundaries", "da"),  # æ typed as ae
    ("peermedarbejdere kommunen", "da", "municipal", "da"),
    # Finnish
    ("toivo", "fi", "hope", "fi"),
    ("tarinan jakaminen", "fi", "sharing", "fi"),
    ("tyonantaja", "fi", "hiring", "en"),  # fi -> sv -> en: English via glossary, typed without ö
    # Estonian
    ("kogemusnõustaja konverents", "et", "conference", "et"),
    ("kogemusnoustaja konverents", "et", "conference", "et"),
    ("loo jagamine", "et", "sharing", "et"),
    ("tööandja", "et", "hiring", "en"),  # et -> en
    # Latvian (light stemmer)
    ("cerību", "lv", "hope", "lv"),
    ("atveselosanas", "lv", "hope", "lv"),
    ("konferencē", "lv", "conference", "lv"),
    # Lithuanian
    ("sveikimo viltis", "lt", "hope", "lt"),
    ("konferencijos", "lt", "conference", "lt"),
    # Icelandic (light stemmer, þ/ð folding)
    ("jafningjastuðnings", "is", "iceland", "is"),
    ("jafningjastudningur", "is", "iceland", "is"),
    ("vonin", "is", "hope", "is"),
    # A reader whose language the material lacks gets the fallback: Icelandic reader, Danish text
    ("grænser", "is", "boundaries", "da"),
    # Glossary across languages: an English query finds the Estonian video version for an Estonian reader
    ("supervision", "et", "video", "et"),
]


def test_at_least_thirty_queries_in_five_languages():
    assert len(CASES) >= 30
    assert len({language for _q, language, _m, _s in CASES}) >= 5


@pytest.mark.parametrize(
    ("query", "reader", "expected", "shown_in"), CASES, ids=[f"{c[1]}:{c[0]}" for c in CASES]
)
def test_expected_material_comes_first(corpus, db, query, reader, expected, shown_in):
    page = search(SearchRequest(text=query, language=reader))
    assert page.results, f"{query!r} found nothing"
    top = page.results[0]
    found = [(r.translation_key == corpus.key_of(expected), r.title, r.language) for r in page.results[:3]]
    assert top.translation_key == corpus.key_of(expected), f"{query!r} ({reader}): {found}"
    assert top.language == shown_in
    assert top.is_fallback == (shown_in != reader)


def test_one_result_per_material_with_its_other_languages(corpus, db):
    page = search(SearchRequest(text="sharing your story", language="en"))
    keys = [r.translation_key for r in page.results]
    assert len(keys) == len(set(keys))
    top = page.results[0]
    assert {link.code for link in top.other_languages} == {"nb", "sv", "da", "fi", "et"}
    assert all(link.url.startswith(f"/{link.code}/") for link in top.other_languages)
