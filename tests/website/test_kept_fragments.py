"""A page's language switcher and alternate links are rendered once per content generation and
interface language, then kept (``{% kept_per_generation %}``); a view's are rendered every time."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError

from tests.website.test_language_switcher import switcher_links
from website import page_cache

pytestmark = pytest.mark.django_db

SWITCHER = "website/includes/language_switcher.html"


def rendered_templates(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [template.name for template in response.templates]


def test_a_page_s_switcher_is_rendered_once_and_then_kept(client, home, translated_home):
    first = client.get("/en/")
    assert SWITCHER in [template.name for template in first.templates]
    again = client.get("/en/")
    assert SWITCHER not in [template.name for template in again.templates]
    parsed = [BeautifulSoup(r.content, "html.parser") for r in (first, again)]
    for selector in ("nav.language-switcher", "link[rel=alternate]"):
        assert [str(tag) for tag in parsed[0].select(selector)] == [
            str(tag) for tag in parsed[1].select(selector)
        ]
    assert parsed[1].select("link[rel=alternate]")  # the alternates are there, kept too
    page_cache.new_generation()
    assert SWITCHER in rendered_templates(client, "/en/")


def test_each_interface_language_keeps_its_own(client, home, translated_home):
    english = BeautifulSoup(client.get("/en/").content, "html.parser").select_one("nav.language-switcher")
    norwegian = BeautifulSoup(client.get("/nb/").content, "html.parser").select_one("nav.language-switcher")
    assert english["aria-label"] == "Read this page in another language"
    assert norwegian["aria-label"] != english["aria-label"]


def test_a_view_s_switcher_links_to_that_view_in_each_language(client, home):
    courses = switcher_links(client, "/en/courses/")
    search = switcher_links(client, "/en/search/")
    assert courses["nb"]["url"] == "/nb/courses/"
    assert search["nb"]["url"] == "/nb/search/"
    assert SWITCHER in rendered_templates(client, "/en/courses/")


def test_the_tag_wants_a_quoted_name_and_a_key():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load website_tags %}{% kept_per_generation name key %}x{% endkept_per_generation %}")
    with pytest.raises(TemplateSyntaxError):
        Template('{% load website_tags %}{% kept_per_generation "name" %}x{% endkept_per_generation %}')
    block = Template(
        '{% load website_tags %}{% kept_per_generation "test" key %}{{ value }}{% endkept_per_generation %}'
    )
    assert block.render(Context({"key": None, "value": "a"})) == "a"
    assert block.render(Context({"key": None, "value": "b"})) == "b"  # no key: rendered every time
    page_cache.new_generation()
    assert block.render(Context({"key": ("page", 1), "value": "a"})) == "a"
    assert block.render(Context({"key": ("page", 1), "value": "b"})) == "a"  # kept for its key
    assert block.render(Context({"key": ("page", 2), "value": "b"})) == "b"
