"""A reader searches in their own language and finds material published a moment ago, shown in
their language or the nearest one; the search page has no serious accessibility problems."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import axe_violations, describe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_danish_reader_finds_norwegian_material_through_the_search_form(page, live_site):
    # The live site's pages were published through the admin's path: the indexing task indexed them.
    page.goto(f"{live_site.url}/da/search/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    box = page.get_by_role("searchbox")
    box.fill("erfaringskonsulenter")
    box.press("Enter")
    results = page.locator(".search-result")
    first = results.first
    norwegian = live_site.pages["material"]["nb"]
    expect(first.get_by_role("link", name=norwegian.title)).to_have_attribute("hreflang", "nb")
    expect(first.locator("mark").first).to_be_visible()
    first.get_by_role("link", name=norwegian.title).click()
    expect(page).to_have_url(f"{live_site.url}{norwegian.get_url()}")


def test_the_search_page_has_no_serious_accessibility_problems(axe_script, page, live_site):
    page.goto(f"{live_site.url}/nb/search/?q=erfaring")
    expect(page.locator(".search-result").first).to_be_visible()
    violations = axe_violations(page, axe_script)
    assert not violations, describe(violations)
