"""The language switcher, the fallback chain and the notice shown on a stand-in page."""

from __future__ import annotations

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from django.utils import translation

from tests import factories
from website.languages import best_in_chain, fallback_chain

NOTICE = "This page is not available in %(wanted)s yet, so it is shown in %(shown)s."


def switcher_links(client, url: str) -> dict[str, dict]:
    """The switcher's entries by language: where each links and its '(in …)' note."""
    response = client.get(url)
    assert response.status_code == 200, url
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.language-switcher")
    links = {}
    for item in nav.select("li"):
        anchor = item.find("a")
        note = item.select_one(".language-switcher__fallback")
        links[anchor["lang"]] = {
            "url": anchor["href"],
            "note": note.get_text(strip=True) if note else None,
            "current": anchor.get("aria-current") == "true",
            "hreflang": anchor["hreflang"],
        }
    return links


def notice_of(response) -> BeautifulSoup | None:
    return BeautifulSoup(response.content, "html.parser").select_one("p.notice--language")


@pytest.fixture
def peer_work(home, translated_home, translate_page):
    """A material page in English, Norwegian and Swedish (not Danish, Finnish, Icelandic...)."""
    material = factories.make_material(home, "Peer work")
    translate_page(material, "nb", {"Peer work": "Likepersonsarbeid", "peer-work": "likepersonsarbeid"})
    translate_page(material, "sv", {"Peer work": "Kamratstöd", "peer-work": "kamratstod"})
    return material


@pytest.mark.django_db
def test_switcher_links_to_the_same_page_in_each_translated_language(client, peer_work):
    links = switcher_links(client, "/en/peer-work/")
    assert links["en"] == {"url": "/en/peer-work/", "note": None, "current": True, "hreflang": "en"}
    assert links["nb"] == {"url": "/nb/likepersonsarbeid/", "note": None, "current": False, "hreflang": "nb"}
    assert links["sv"] == {"url": "/sv/kamratstod/", "note": None, "current": False, "hreflang": "sv"}
    assert set(links) == {code for code, _name in settings.LANGUAGES}

    on_norwegian = switcher_links(client, "/nb/likepersonsarbeid/")
    assert on_norwegian["nb"]["current"] and not on_norwegian["en"]["current"]
    assert on_norwegian["en"]["url"] == "/en/peer-work/"


@pytest.mark.django_db
def test_switcher_follows_the_fallback_chain_for_a_missing_language(client, peer_work):
    links = switcher_links(client, "/en/peer-work/")
    # da → nb (first in its chain that exists), fi → sv, is → da → en.
    assert links["da"] == {
        "url": "/nb/likepersonsarbeid/?from=da",
        "note": "(in Norsk bokmål)",
        "current": False,
        "hreflang": "nb",
    }
    assert links["fi"]["url"] == "/sv/kamratstod/?from=fi"
    assert links["fi"]["note"] == "(in Svenska)"
    assert links["is"]["url"] == "/en/peer-work/?from=is"
    assert links["is"]["note"] == "(in English)"
    for code in ("et", "lv", "lt"):
        assert links[code]["url"] == f"/en/peer-work/?from={code}"


@pytest.mark.django_db
def test_every_missing_language_links_to_the_first_existing_language_of_its_settings_chain(
    client, home, translated_home, translate_page
):
    translate_page(home, "da", {})  # the Danish home, published
    material = factories.make_material(home, "Only in Danish and English")
    translate_page(material, "da", {})
    existing = {"en": "/en/only-in-danish-and-english/", "da": "/da/only-in-danish-and-english/"}

    links = switcher_links(client, existing["en"])
    for code, _name in settings.LANGUAGES:
        if code in existing:
            assert links[code]["url"] == existing[code]
            continue
        chain = [*settings.LANGUAGE_FALLBACKS.get(code, []), settings.LANGUAGE_CODE]
        stand_in = next(c for c in chain if c in existing)
        assert links[code]["url"] == f"{existing[stand_in]}?from={code}", code
    # Icelandic falls back to Danish before English.
    assert links["is"]["url"] == "/da/only-in-danish-and-english/?from=is"


@pytest.fixture
def compiled_catalogues(tmp_path):
    """The project's catalogues compiled to a temporary folder (locale/ itself is left alone)."""
    for po_file in (settings.BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po"):
        target = tmp_path / po_file.relative_to(settings.BASE_DIR / "locale")
        target.parent.mkdir(parents=True)
        polib.pofile(str(po_file)).save_as_mofile(str(target.with_suffix(".mo")))
    with override_settings(LOCALE_PATHS=[tmp_path]):
        yield
    translation.activate(settings.LANGUAGE_CODE)


def expected_notice(requested: str, shown: str) -> str:
    names = dict(settings.LANGUAGES)
    with translation.override(requested):
        return translation.gettext(NOTICE) % {"wanted": names[requested], "shown": names[shown]}


@pytest.mark.django_db
def test_the_stand_in_page_says_in_the_requested_language_that_it_is_a_stand_in(
    client, peer_work, compiled_catalogues
):
    response = client.get("/nb/likepersonsarbeid/?from=sv")
    notice = notice_of(response)
    assert notice["lang"] == "sv"
    text = " ".join(notice.get_text().split())
    assert text == expected_notice("sv", "nb")
    # Swedish, the language asked for, not the page's Norwegian nor English.
    assert "This page" not in text
    assert "Norwegian" not in text and "Bokmal" not in text
    assert "svenska" in text.lower()

    icelandic = " ".join(notice_of(client.get("/en/peer-work/?from=is")).get_text().split())
    assert icelandic == expected_notice("is", "en")
    assert "English" not in icelandic


@pytest.mark.django_db
def test_no_notice_without_a_request_for_another_language(client, peer_work):
    assert notice_of(client.get("/en/peer-work/")) is None
    assert notice_of(client.get("/nb/likepersonsarbeid/")) is None
    assert notice_of(client.get("/en/peer-work/?from=xx")) is None
    assert notice_of(client.get("/en/peer-work/?from=en")) is None


@pytest.mark.django_db
def test_a_url_in_a_missing_language_redirects_along_the_chain(client, home, translated_home, translate_page):
    material = factories.make_material(home, "Peer work")
    translate_page(material, "nb", {"peer-work": "likepersonsarbeid"})

    response = client.get("/da/peer-work/")
    assert response.status_code == 302
    assert response["Location"] == "/nb/likepersonsarbeid/?from=da"
    landing = client.get(response["Location"])
    assert landing.status_code == 200
    assert notice_of(landing)["lang"] == "da"

    # Icelandic's chain (da, en) does not include Norwegian: English is served as it is.
    icelandic = client.get("/is/peer-work/")
    assert icelandic.status_code == 200
    assert notice_of(icelandic)["lang"] == "is"


@pytest.mark.django_db
def test_a_translation_in_a_language_whose_home_is_still_a_draft_is_not_linked_and_does_not_loop(
    client, home, translated_home, translate_page
):
    # set_up_site leaves every home but English a draft until that language's editors publish it.
    material = factories.make_material(home, "Peer work")
    translate_page(material, "da", {"Peer work": "Peerarbejde"})

    response = client.get("/da/peer-work/")
    assert response.status_code == 200
    assert notice_of(response)["lang"] == "da"
    links = switcher_links(client, "/en/peer-work/")
    assert links["da"]["url"] == "/en/peer-work/?from=da"


def test_fallback_chain_starts_with_the_language_and_ends_with_the_source():
    assert fallback_chain("da") == ["da", "nb", "sv", "en"]
    assert fallback_chain("is") == ["is", "da", "en"]
    assert fallback_chain("fi") == ["fi", "sv", "en"]
    assert fallback_chain("et") == ["et", "en"]
    assert fallback_chain("en") == ["en"]


def test_fallback_chain_of_an_unknown_language_is_only_the_source():
    assert fallback_chain("xx") == ["en"]


@override_settings(LANGUAGE_FALLBACKS={"da": ["nb", "de", "da", "sv"]})
def test_fallback_chain_skips_languages_not_in_settings_and_repeats():
    assert fallback_chain("da") == ["da", "nb", "sv", "en"]


def test_best_in_chain_picks_the_first_available():
    assert best_in_chain("da", {"en", "sv"}) == "sv"
    assert best_in_chain("da", {"en", "sv", "nb"}) == "nb"
    assert best_in_chain("is", {"nb", "sv", "en"}) == "en"
    assert best_in_chain("is", {"nb"}) is None


GERMAN = {
    "LANGUAGES": [*settings.LANGUAGES, ("de", "German")],
    "LANGUAGE_FALLBACKS": {**settings.LANGUAGE_FALLBACKS, "de": ["da"]},
}


@override_settings(**GERMAN)
def test_adding_german_to_settings_gives_it_a_chain():
    assert fallback_chain("de") == ["de", "da", "en"]
    assert fallback_chain("da") == ["da", "nb", "sv", "en"]


@pytest.mark.django_db
def test_adding_german_to_settings_adds_it_to_the_switcher(client, peer_work):
    with override_settings(**GERMAN):
        links = switcher_links(client, "/en/peer-work/")
    assert links["de"]["url"] == "/en/peer-work/?from=de"
    assert links["de"]["note"] == "(in English)"
    assert "de" not in switcher_links(client, "/en/peer-work/")
