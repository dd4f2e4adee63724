"""Elasticsearch gets the same decompounding, typo rule and phrase ranking: checked as data, no server."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from search.backends.elastic_index import FUZZINESS, index_definition, search_body, word_list_path
from search.lexicon import COMPOUNDING_LANGUAGES, MIN_PART, compound_parts, compound_word_list
from search.query import AnalysedQuery, TermGroup
from search.vocabulary import allowed_edits


@pytest.fixture
def analysis():
    return index_definition("nordpeer-test", synonyms=[]).to_dict()["settings"]["analysis"]


def test_compounding_languages_split_with_a_dictionary_decompounder_before_stemming(analysis):
    for language in COMPOUNDING_LANGUAGES:
        chain = analysis["analyzer"][f"nordpeer_{language}"]["filter"]
        name = f"nordpeer_decompound_{language}"
        assert (
            chain.index(name) < chain.index(f"nordpeer_stem_{language}")
            if language != "is"
            else name in chain
        )
        decompounder = analysis["filter"][name]
        assert decompounder["type"] == "dictionary_decompounder"
        assert decompounder["word_list_path"] == word_list_path(language)
        assert decompounder["min_subword_size"] == MIN_PART
    assert "nordpeer_decompound_en" not in analysis["filter"]


def test_the_word_list_is_the_one_the_embedded_backend_splits_with():
    listed = compound_word_list("nb", {"erfaringskonsulent", "håndbok"})
    words = set(listed)
    assert len(listed) == len(words)  # each word once, the glossary's "håndbok" too
    for part in compound_parts("nb", "brukerbrosjyre") + compound_parts("nb", "arbeidsgiverhåndbok"):
        assert part in words
    assert "erfaringskonsulent" in words
    assert "og" not in words and "for" not in words  # stop words and short words are never parts


def test_a_glossary_word_the_dictionary_writes_with_a_hyphen_is_still_listed():
    # The dictionary's own forms are listed only when all letters; the glossary's words always.
    assert "strap-on" in compound_word_list("sv", {"strap-on"})
    assert "strap-on" not in compound_word_list("sv")


@pytest.mark.django_db
def test_the_word_list_command_writes_one_file_per_language(tmp_path):
    out = StringIO()
    call_command("search_word_lists", str(tmp_path), stdout=out)
    for language in COMPOUNDING_LANGUAGES:
        path = tmp_path / word_list_path(language)
        assert path.exists(), out.getvalue()
    assert "håndbok" in (tmp_path / word_list_path("nb")).read_text(encoding="utf-8").split("\n")


def _clauses(body: dict) -> list[dict]:
    outer = body["query"]["bool"]
    return outer["must"][0]["bool"]["should"], outer["should"]


def test_fuzziness_follows_the_embedded_rule_and_weighs_less_than_an_exact_match():
    query = AnalysedQuery("hanbook", (TermGroup((("hanbook",),), source="hanbook"),))
    should, _phrases = _clauses(search_body(query, 10))
    fuzzy = [c["multi_match"] for c in should if "fuzziness" in c["multi_match"]]
    assert len(fuzzy) == 1 and fuzzy[0]["fuzziness"] == FUZZINESS == "AUTO:4,8"
    assert fuzzy[0]["boost"] < 1
    # AUTO:4,8 means what search.vocabulary allows: none below 4 letters, one below 8, two from 8.
    assert [allowed_edits(w) for w in ("bok", "hanbok", "hanbooks", "brosjyrene")] == [0, 1, 2, 2]


def test_phrases_in_titles_and_text_raise_the_score_but_do_not_widen_the_match():
    query = AnalysedQuery("hva gjør en erfaringskonsulent", ())
    _should, phrases = _clauses(search_body(query, 10))
    fields = {next(iter(p["match_phrase"])) for p in phrases}
    assert fields == {"title_folded", "body_folded"}
    title = next(p["match_phrase"]["title_folded"] for p in phrases if "title_folded" in p["match_phrase"])
    body = next(p["match_phrase"]["body_folded"] for p in phrases if "body_folded" in p["match_phrase"])
    assert title["boost"] > body["boost"] > 1
