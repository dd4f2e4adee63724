"""Rendering a page costs the same number of queries however many siblings or translations it has."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
URL = "/en/peer-work/"


def queries_to_render(client, url: str) -> list[str]:
    client.get(url)  # warm up: site root paths, content types and other one-off caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def report(small: list[str], large: list[str]) -> str:
    return "queries differ:\n--- few\n" + "\n".join(small) + "\n--- many\n" + "\n".join(large)


@pytest.fixture
def material(home, translate_page):
    """The page under test, in its language tree with every home published."""
    for code in OTHER_LANGUAGES:
        translate_page(home, code, {})
    return factories.make_material(home, "Peer work")


def add_siblings(parent, count: int) -> None:
    for number in range(count):
        # Half of them in the menu, which every page renders.
        factories.make_material(parent, f"Sibling {number}", show_in_menus=number % 2 == 0)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_siblings(client, home, material):
    add_siblings(home, 3)
    few = queries_to_render(client, URL)
    add_siblings(home, 27)  # 30 in all
    many = queries_to_render(client, URL)
    assert len(few) == len(many), report(few, many)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_translations(client, material, translate_page):
    for code in OTHER_LANGUAGES[:2]:
        translate_page(material, code, {})
    few = queries_to_render(client, URL)
    for code in OTHER_LANGUAGES[2:]:
        translate_page(material, code, {})
    many = queries_to_render(client, URL)
    assert material.get_translations(inclusive=True).live().count() == 9
    assert len(few) == len(many), report(few, many)


@pytest.mark.django_db
def test_a_translated_page_in_a_language_also_costs_the_same(client, material, translate_page):
    """Served from the Norwegian tree with its switcher links, fallbacks and hreflang alternates."""
    translate_page(material, "nb", {})
    translate_page(material, "sv", {})
    few = queries_to_render(client, "/nb/peer-work/")
    for code in OTHER_LANGUAGES:
        if code not in ("nb", "sv"):
            translate_page(material, code, {})
    many = queries_to_render(client, "/nb/peer-work/")
    assert len(few) == len(many), report(few, many)
