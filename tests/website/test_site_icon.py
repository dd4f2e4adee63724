"""The site's icon: every page of the site's layout links it, so a browser asks for nothing else."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import RequestFactory

from tests.html import parse
from website import error_views


def icon_of(page: bytes) -> str:
    (link,) = parse(page).select('head link[rel="icon"]')
    assert link["type"] == "image/svg+xml"
    return link["href"]


def test_a_page_links_the_icon_and_the_icon_is_a_static_file(client, home):
    href = icon_of(client.get(home.url).content)
    assert href.startswith("/static/")
    icon = finders.find(href.removeprefix("/static/"))
    assert icon and Path(icon).read_text(encoding="utf-8").startswith("<svg")


def test_the_page_without_a_database_links_it_too():
    response = error_views.server_error(RequestFactory().get("/nb/"))
    assert icon_of(response.content).startswith("/static/")
