"""A reader changes language with the switcher and lands on the page in that language, or on
the nearest translation along the fallback chain, with a notice that says so."""

from __future__ import annotations

import pytest
from django.utils import translation
from playwright.sync_api import expect

from website.languages import translated_name

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NORWEGIAN = "Norsk bokmål"


def switcher(page):
    """The language switcher: the navigation with a link to English, whatever language it is labelled in."""
    return page.get_by_role("navigation").filter(has=page.get_by_role("link", name="English", exact=True))


def test_switching_the_home_page_to_norwegian(page, live_site):
    page.goto(live_site.address("home"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switcher(page).get_by_role("link", name=NORWEGIAN, exact=True).click()

    expect(page).to_have_url(f"{live_site.url}/nb/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    norwegian = live_site.pages["home"]["nb"]
    expect(page.get_by_role("heading", level=1)).to_have_text(norwegian.title)
    expect(page.get_by_text(norwegian.introduction)).to_be_visible()
    expect(switcher(page).get_by_role("link", name=NORWEGIAN, exact=True)).to_have_attribute(
        "aria-current", "true"
    )


def test_switching_a_material_page_to_its_norwegian_translation(page, live_site):
    page.goto(live_site.address("material"))
    expect(page.get_by_role("heading", name="Using your own experience")).to_be_visible()

    switcher(page).get_by_role("link", name=NORWEGIAN, exact=True).click()

    expect(page).to_have_url(f"{live_site.url}/nb/bibliotek/hva-erfaringskonsulenter-gjor/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.get_by_role("main")).to_have_attribute("lang", "nb")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva erfaringskonsulenter gjør")
    expect(page.get_by_role("heading", level=2, name="Å bruke egen erfaring")).to_be_visible()
    quote = "Håp var det første jeg fikk tilbud om som jeg kunne bruke."
    expect(page.locator("blockquote")).to_have_text(quote)
    callout = page.get_by_role("complementary", name="Før du deler historien din")
    expect(callout).to_contain_text("Spør deg selv hvem historien er til for.")
    # No notice: the reader got the language they asked for.
    expect(page.get_by_role("status")).to_have_count(0)


def test_a_language_without_a_translation_falls_back_along_its_chain_with_a_notice(page, live_site):
    """Danish readers get the Norwegian page (settings.LANGUAGE_FALLBACKS["da"] starts with nb)."""
    page.goto(live_site.address("material"))
    danish = switcher(page).get_by_role("link", name="Dansk", exact=True)
    # The switcher says before the click where the Danish link leads.
    expect(danish.locator("xpath=..")).to_contain_text(NORWEGIAN)

    danish.click()

    expect(page).to_have_url(f"{live_site.url}/nb/bibliotek/hva-erfaringskonsulenter-gjor/?from=da")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva erfaringskonsulenter gjør")
    expect(page.get_by_role("main")).to_have_attribute("lang", "nb")
    notice = page.get_by_role("status")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("lang", "da")
    # Said in Danish (in English until the Danish catalogue is compiled; `make test` compiles
    # it), naming the language asked for and the one shown.
    with translation.override("da"):
        asked, shown = translated_name("da"), translated_name("nb")
    expect(notice).to_contain_text(asked)
    expect(notice).to_contain_text(shown)
    expect(switcher(page).get_by_role("link", name="Dansk", exact=True)).to_have_attribute(
        "aria-current", "true"
    )
