"""Relevance suite: how Nordic and Baltic readers type, on both embedded backends.

Each case is (query, reader's language, expected top material or None for "nothing", kind).
The suite is searched once per module on the database the tests run on (SQLite FTS5 by
default; PostgreSQL with DATABASE_URL, where the ``postgres`` tests run) and hit@1 is
reported per kind. Goals: ≥ 0.9 overall, ≥ 0.75 for compounds and for typos, and no
result at all for the queries that should find nothing.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from search.indexing import reindex_all
from search.query import SearchRequest
from search.service import search
from tests.search.relevance_corpus import build_relevance_corpus

pytestmark = pytest.mark.django_db

COMPOUND, INFLECTION, TYPO, NEIGHBOUR, TITLE, GLOSSARY, NONE = (
    "compound", "inflection", "typo", "neighbour", "title", "glossary", "none",
)  # fmt: skip

CASES = [
    # Compounds: the pages write the parts apart, or the compound the other way round.
    ("arbeidsgiverhåndbok", "nb", "employer_handbook", COMPOUND),
    ("arbeidsgiverhåndboka", "nb", "employer_handbook", COMPOUND),
    ("arbetsgivarhandbok", "sv", "employer_handbook", COMPOUND),
    ("arbetsgivarhandboken", "sv", "employer_handbook", COMPOUND),
    ("brukerbrosjyre", "nb", "user_brochure", COMPOUND),
    ("brukerbrosjyren", "nb", "user_brochure", COMPOUND),
    ("grupphandledning", "sv", "group_supervision", COMPOUND),
    ("gruppeveiledning", "nb", "group_supervision", COMPOUND),
    ("gruppesupervision", "da", "group_supervision", COMPOUND),
    ("erfaringskonsulentlønn", "nb", "pay_and_contracts", COMPOUND),
    ("brukarmedarbetaravtal", "sv", "pay_and_contracts", COMPOUND),
    ("arbejdsgiverstøtte", "da", "sick_leave", COMPOUND),
    ("arbejdsgiverhåndbog", "da", "employer_handbook", COMPOUND),
    ("kogemusnõustajakäsiraamat", "et", "estonian_handbook", COMPOUND),
    ("tööandjakäsiraamat", "et", "employer_handbook", COMPOUND),
    ("kriseplanbrosjyre", "nb", "crisis_plan", COMPOUND),
    ("krisplanmall", "sv", "crisis_plan", COMPOUND),
    ("brukarmedarbetarhandledning", "sv", "group_supervision", COMPOUND),
    ("arbeidsgiveransvar", "nb", "employer_handbook", COMPOUND),
    # Inflected forms a stemmer alone does not bring together.
    ("kogemusnõustaja käsiraamatut", "et", "estonian_handbook", INFLECTION),
    ("kokkutulekul", "et", "reunion", INFLECTION),
    ("kokkutuleku", "et", "reunion", INFLECTION),
    ("toipumisesta", "fi", "recovery_story", INFLECTION),
    ("toipumisen tarina", "fi", "recovery_story", INFLECTION),
    ("kriisisuunnitelmaa", "fi", "crisis_plan", INFLECTION),
    ("käsikirjan", "fi", "employer_handbook", INFLECTION),
    ("håndboka", "nb", "employer_handbook", INFLECTION),
    ("tystnadsplikten", "sv", "confidentiality", INFLECTION),
    ("krisplanen", "sv", "crisis_plan", INFLECTION),
    ("selvhjælpsgrupperne", "da", "self_help_groups", INFLECTION),
    ("brošūras", "lv", "user_brochure", INFLECTION),
    ("atveseļošanās stāstu", "lv", "recovery_story", INFLECTION),
    ("zālēm", "lv", "medication", INFLECTION),
    ("tuviniekiem", "lv", "family", INFLECTION),
    ("vaistų", "lt", "medication", INFLECTION),
    ("šeimą", "lt", "family", INFLECTION),
    ("brošiūrą", "lt", "user_brochure", INFLECTION),
    ("þagnarskyldu", "is", "confidentiality", INFLECTION),
    ("jafningjaráðgjafanum geðdeild", "is", "icelandic_peer", INFLECTION),
    ("handbooks", "en", "employer_handbook", INFLECTION),
    ("gatherings Tartu", "en", "reunion", INFLECTION),
    # Typos: corrected against the index vocabulary.
    ("hanbook employers", "en", "employer_handbook", TYPO),
    ("brochre", "en", "user_brochure", TYPO),
    ("kogemusnõustja kokkutulek", "et", "reunion", TYPO),
    ("håndbk arbeidsgivere", "nb", "employer_handbook", TYPO),
    ("brosjyrre", "nb", "user_brochure", TYPO),
    ("tystnadsplickt", "sv", "confidentiality", TYPO),
    ("taushetsplit", "nb", "confidentiality", TYPO),
    ("selvhjælpgrupper", "da", "self_help_groups", TYPO),
    ("kriseplna", "nb", "crisis_plan", TYPO),
    ("confidentality", "en", "confidentiality", TYPO),
    ("medicaton", "en", "medication", TYPO),
    ("toipuminnen", "fi", "recovery_story", TYPO),
    ("kriisisuunitelma", "fi", "crisis_plan", TYPO),
    ("käsiraamt tööandjatele", "et", "employer_handbook", TYPO),
    ("brošūrra", "lv", "user_brochure", TYPO),
    ("vaisati", "lt", "medication", TYPO),
    ("þagnarskilda", "is", "confidentiality", TYPO),
    ("nattarbette", "sv", "night_work", TYPO),
    ("sygemeldning", "da", "sick_leave", TYPO),
    ("supervison groups", "en", "group_supervision", TYPO),
    # Scandinavian neighbours: the reader's spelling meets the page's, shown along the fallback chain.
    ("håndbog for arbejdsgivere", "da", "employer_handbook", NEIGHBOUR),
    ("handbog arbejdsgivere", "da", "employer_handbook", NEIGHBOUR),
    ("tavshedspligt", "da", "confidentiality", NEIGHBOUR),
    ("ansættelse", "da", "employer_checklist", NEIGHBOUR),
    ("arbejdsaftaler", "da", "pay_and_contracts", NEIGHBOUR),
    ("selvhjelpsgrupper", "nb", "self_help_groups", NEIGHBOUR),
    ("sykemelding", "nb", "sick_leave", NEIGHBOUR),
    ("nattarbejde", "da", "night_work", NEIGHBOUR),
    ("sjekkliste før ansættelse", "da", "employer_checklist", NEIGHBOUR),
    ("krisplan sammen med brugeren", "da", "crisis_plan", NEIGHBOUR),
    ("selvhjælpsgrupper", "is", "self_help_groups", NEIGHBOUR),
    ("nattarbete", "fi", "night_work", NEIGHBOUR),
    # Exact titles and phrases first; courses by title, summary and outline.
    ("hva gjør en erfaringskonsulent", "nb", "what_peer_worker_does", TITLE),
    ("what does a peer support worker do", "en", "what_peer_worker_does", TITLE),
    ("handbook for employers", "en", "employer_handbook", TITLE),
    ("supervision in groups", "en", "group_supervision", TITLE),
    ("checklist before hiring", "en", "employer_checklist", TITLE),
    ("safety plan template", "en", "safety_plan_en", TITLE),
    ("making a crisis plan together", "en", "crisis_plan", TITLE),
    ("self-help groups in the municipality", "en", "self_help_groups", TITLE),
    ("taushetsplikt i praksis", "nb", "confidentiality", TITLE),
    ("lønn og arbeidsavtaler", "nb", "pay_and_contracts", TITLE),
    ("kriseplan sammen med brukeren", "nb", "crisis_plan", TITLE),
    ("handledning i grupp", "sv", "group_supervision", TITLE),
    ("asumisen tuki", "fi", "housing", TITLE),
    ("ģimenes iesaistīšana", "lv", "family", TITLE),
    ("vaistai ir sveikimas", "lt", "medication", TITLE),
    ("jafningjastuðningur á geðdeildum", "is", "icelandic_peer", TITLE),
    ("peer support workers gathering", "en", "reunion", TITLE),
    ("foundations of peer support", "en", "course_basics", TITLE),
    ("grunnkurs i erfaringskompetanse", "nb", "course_nb", TITLE),
    ("telling your story safely", "en", "course_basics", TITLE),
    ("journalføring", "nb", "course_nb", TITLE),
    ("online course starting", "en", "course_basics", TITLE),
    # Glossary: any term in any language, any form; the typed word kept; preferred terms first.
    ("peer worker ethics", "en", "training_preferred", GLOSSARY),
    ("safety plan", "nb", "crisis_plan", GLOSSARY),
    ("mestringsplan", "nb", "crisis_plan", GLOSSARY),
    ("veiledning", "sv", "group_supervision", GLOSSARY),
    ("työnohjaus", "sv", "group_supervision", GLOSSARY),
    ("supervisioon", "et", "group_supervision", GLOSSARY),
    ("tööandja käsiraamat", "fi", "employer_handbook", GLOSSARY),
    ("kriseplan", "lt", "crisis_plan", GLOSSARY),
    ("pieredzes eksperta brošūra", "lv", "user_brochure", GLOSSARY),
    ("patirties ekspertas vaistai", "lt", "medication", GLOSSARY),
    ("recoverymentor selvhjælpsgrupper", "da", "self_help_groups", GLOSSARY),
    ("likeperson lønn", "nb", "pay_and_contracts", GLOSSARY),
    ("jafningjaráðgjafi þagnarskylda", "is", "confidentiality", GLOSSARY),
    ("kokemusasiantuntija asuminen", "fi", "housing", GLOSSARY),
    ("atvinnurekandi handbók", "is", "employer_handbook", GLOSSARY),
    ("toipuminen oma tarina", "et", "recovery_story", GLOSSARY),
    ("krísuáætlun", "is", "crisis_plan", GLOSSARY),
    # Nothing in the library is about these: no result at all.
    ("xylofonorkester", "nb", None, NONE),
    ("quantum chromodynamics", "en", None, NONE),
    ("zanzibarlesson", "en", None, NONE),  # only in lesson text, which courses do not index
    ("blåbærsyltetøy", "nb", None, NONE),
    ("hevosenkenkä", "fi", None, NONE),
    ("kosmosesõit", "et", None, NONE),
    ("zvaigznājs", "lv", None, NONE),
    ("kosmonautika", "lt", None, NONE),
    ("eldfjallagos", "is", None, NONE),
    ("tandlæge tandbørste", "da", None, NONE),
    ("rymdraket", "sv", None, NONE),
    ("qqqqq", "en", None, NONE),
]


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    """Every case searched once on a library built once: {kind: [(case, top key or None, page)]}."""
    cache.clear()
    with django_db_blocker.unblock(), transaction.atomic():
        corpus = build_relevance_corpus()
        reindex_all()
        found = defaultdict(list)
        for case in CASES:
            query, reader, _expected, kind = case
            page = search(SearchRequest(text=query, language=reader))
            top = page.results[0].translation_key if page.results else None
            found[kind].append((case, top, page))
        yield corpus, found
        transaction.set_rollback(True)
    cache.clear()


def hit_at_1(corpus, found) -> dict[str, float]:
    rates = {}
    every = []
    for kind, rows in found.items():
        hits = [top == (corpus.key_of(case[2]) if case[2] else None) for case, top, _page in rows]
        rates[kind] = sum(hits) / len(hits)
        every += hits
    rates["overall"] = sum(every) / len(every)
    return rates


def misses(corpus, found) -> list[str]:
    names = {key: name for name, key in corpus.keys.items()}
    return [
        f"{case[1]}:{case[0]!r} expected {case[2]}, got {names.get(top, top)}"
        for rows in found.values()
        for case, top, _page in rows
        if top != (corpus.key_of(case[2]) if case[2] else None)
    ]


def test_the_suite_covers_every_kind_and_language():
    assert len(CASES) >= 120
    assert {c[1] for c in CASES} == {"en", "nb", "sv", "da", "fi", "is", "et", "lv", "lt"}
    assert {c[3] for c in CASES} == {COMPOUND, INFLECTION, TYPO, NEIGHBOUR, TITLE, GLOSSARY, NONE}


def _check_rates(outcomes) -> None:
    corpus, found = outcomes
    rates = hit_at_1(corpus, found)
    print(f"\nhit@1 on {connection.vendor}: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(rates.items())))
    print("misses:\n  " + "\n  ".join(misses(corpus, found)))
    assert rates["overall"] >= 0.9, misses(corpus, found)
    assert rates[COMPOUND] >= 0.75, misses(corpus, found)
    assert rates[TYPO] >= 0.75, misses(corpus, found)
    assert rates[NONE] == 1.0, misses(corpus, found)


@pytest.mark.postgres  # and so on both embedded backends: SQLite FTS5 here, PostgreSQL in its run
def test_hit_at_1(outcomes):
    _check_rates(outcomes)


def test_did_you_mean_only_when_the_correction_found_the_results(outcomes):
    corpus, found = outcomes
    for case, top, page in found[TYPO]:
        if top == corpus.key_of(case[2]) and page.did_you_mean:
            assert page.did_you_mean.lower() != case[0].lower()
    # Some typos still match as typed (a lemma or a compound part does); the rest are corrected.
    suggested = [page.did_you_mean for _case, _top, page in found[TYPO] if page.did_you_mean]
    assert len(suggested) >= len(found[TYPO]) * 0.5
    # Words that match as typed are never "corrected".
    for kind in (TITLE, INFLECTION, GLOSSARY, COMPOUND):
        for case, _top, page in found[kind]:
            assert not page.did_you_mean, case
    for _case, _top, page in found[NONE]:
        assert not page.did_you_mean and not page.results


def test_a_recognised_glossary_term_adds_to_what_was_typed(outcomes):
    """ "grupphandledning" finds the concept's pages and also pages that only say "handledning"."""
    corpus, found = outcomes
    page = next(p for case, _t, p in found[COMPOUND] if case[0] == "grupphandledning")
    keys = {r.translation_key for r in page.results}
    assert corpus.key_of("group_supervision") in keys


def test_courses_link_to_the_course_page(outcomes):
    corpus, found = outcomes
    page = next(p for case, _t, p in found[TITLE] if case[0] == "foundations of peer support")
    top = page.results[0]
    assert top.content_type == "course"
    assert top.url == corpus.pages[("course_basics", "en")].get_url()


def test_the_page_and_the_api_say_did_you_mean(outcomes, client):
    _corpus, found = outcomes
    corrected = [(c[0], p.did_you_mean) for c, _t, p in found[TYPO] if c[1] == "nb" and p.did_you_mean]
    assert corrected, "no Norwegian typo was corrected"
    typed, suggestion = corrected[0]
    response = client.get("/nb/search/", {"q": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mente du" in html and f"«{suggestion}»" in html
    assert f'href="?{urlencode({"q": suggestion})}"' in html
    data = client.get("/api/search/", {"q": "brochre", "lang": "en"}).json()
    assert data["did_you_mean"] == "brochure" and data["total"] >= 1
    assert client.get("/api/search/", {"q": "brochure", "lang": "en"}).json()["did_you_mean"] == ""
