"""Language analysis: stemming per language, stop words, folding, light stemmers for lv and is."""

from __future__ import annotations

import pytest

from search.analysis import analyse, fold, query_words, stem
from search.light_stemming import light_stem
from search.query import SearchInputError, analyse_query, clean_text
from search.terms import query_variants


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Støtte på Þingvöllum", "stotte pa thingvollum"),
        ("Æble ærlig", "aeble aerlig"),
        ("Häpeä Õnn Üks", "hapea onn uks"),
        ("šņorīte ģimene ķēde ļoti", "snorite gimene kede loti"),
        ("ąčęėįšųūž", "aceeisuuz"),
        ("Stuðningur", "studningur"),
    ],
)
def test_folding_makes_special_letters_plain(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ["support", "supporting", "supported"]),
        ("nb", ["erfaringskonsulent", "erfaringskonsulenter", "erfaringskonsulentene"]),
        ("sv", ["arbetsgivare", "arbetsgivaren", "arbetsgivarna"]),
        ("da", ["medarbejder", "medarbejdere", "medarbejderen"]),
        ("fi", ["toivo", "toivon", "toivoa"]),
        ("et", ["kogemusnõustaja", "kogemusnõustajad", "kogemusnõustajate"]),
        ("lt", ["konferencija", "konferencijos", "konferenciją"]),
        ("lv", ["konference", "konferences", "konferencē"]),
        ("is", ["stuðningur", "stuðnings", "stuðningi"]),
    ],
)
def test_inflected_forms_share_a_stem(language, forms):
    assert len({stem(language, form) for form in forms}) == 1, [stem(language, f) for f in forms]


def test_light_stemmers_keep_three_letters_of_stem():
    assert light_stem("lv", "ar") == "ar"
    assert light_stem("lv", "mājas") == "māj"
    assert light_stem("is", "bati") == "bat"
    assert light_stem("is", "von") == "von"


def test_stop_words_are_dropped_from_documents_in_their_language():
    assert analyse("The role of the peer worker", "en") == ["role", "peer", "worker"]
    assert analyse("Rollen og oppgavene til en erfaringskonsulent", "nb") == [
        "roll",
        "oppgav",
        "erfaringskonsulent",
    ]


def test_query_words_drop_stop_words_of_any_language_unless_nothing_else_is_left():
    assert query_words("och the støtte") == ["støtte"]
    assert query_words("the and") == ["the", "and"]


def test_a_query_word_stands_for_its_stem_in_every_language():
    variants = query_variants("arbetsgivare")
    assert stem("sv", "arbetsgivare") in variants
    assert stem("en", "arbetsgivare") in variants


def test_query_analysis_uses_only_index_terms(db):
    query = analyse_query('"peer" OR NEAR(support*) -- DROP TABLE;')
    terms = query.terms
    assert all(term.isalnum() for term in terms)
    assert len(query.groups) == 5  # "OR" is a stop word


def test_overlong_queries_are_refused_with_the_limit_in_the_message():
    with pytest.raises(SearchInputError, match="500"):
        clean_text("x" * 10_000)
    assert clean_text("  hope \x00 ") == "hope"
