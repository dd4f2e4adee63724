"""What the site keeps per content generation (the site, each language's home, the route to a page
with the page itself, the sites' root paths, the language switcher, the menu, the view restrictions;
website/routing.py,
website/languages.py, website/models/base.py) shows every change on the next request.

Each test warms the kept copy first, so a change that did not make a new generation would be
served from it.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction, Site

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def menu_links(client, url: str = "/en/") -> list:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".main-menu a")


def menu(client, url: str = "/en/") -> list[str]:
    return [a.get_text() for a in menu_links(client, url)]


def test_a_page_published_into_the_menu_shows_on_the_next_request(client, home):
    factories.make_material(home, "First", show_in_menus=True)
    assert menu(client) == ["First"]
    factories.make_material(home, "Second", show_in_menus=True)
    assert menu(client) == ["First", "Second"]


def test_an_unpublished_page_leaves_the_menu_and_its_address(client, home):
    page = factories.make_material(home, "Going", show_in_menus=True)
    assert menu(client) == ["Going"]
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert menu(client) == []
    assert client.get("/en/going/").status_code == 404


def test_a_new_title_shows_in_the_menu(client, home):
    page = factories.make_material(home, "Old title", show_in_menus=True)
    assert menu(client) == ["Old title"]
    page.title = "New title"
    factories.publish(page)
    assert menu(client) == ["New title"]


def test_a_moved_page_is_found_at_its_new_address_and_in_the_menu(client, home):
    section = factories.make_section(home, "Library", show_in_menus=True)
    page = factories.make_material(section, "Moving", show_in_menus=True)
    assert client.get("/en/library/moving/").status_code == 200
    assert menu(client) == ["Library"]
    page.move(home, pos="last-child")
    old_address = client.get("/en/library/moving/")  # Wagtail leaves a redirect to the new one
    assert (old_address.status_code, old_address["Location"]) == (301, "/en/moving/")
    assert client.get("/en/moving/").status_code == 200
    assert menu(client) == ["Library", "Moving"]


def test_a_renamed_page_s_links_follow_its_new_address(client, home):
    # Addresses are kept with the pages kept per generation (website/page_addresses.py).
    page = factories.make_material(home, "Old name", show_in_menus=True)
    assert [a["href"] for a in menu_links(client)] == ["/en/old-name/"]
    page.slug = "new-name"
    factories.publish(page)
    assert [a["href"] for a in menu_links(client)] == ["/en/new-name/"]
    assert client.get("/en/new-name/").status_code == 200


def test_a_new_translation_shows_in_its_language_s_menu(client, home, translated_home, translate_page):
    page = factories.make_material(home, "Peer work", show_in_menus=True)
    assert menu(client, "/nb/") == []
    translate_page(page, "nb", {"Peer work": "Likepersonsarbeid"})
    assert menu(client, "/nb/") == ["Likepersonsarbeid"]
    assert client.get("/nb/peer-work/").status_code == 200


def test_a_signed_in_reader_gets_the_page_as_now_published(client, home):
    # Signed in, the whole-page cache is passed by; the route keeps the page itself per generation.
    client.force_login(factories.make_user("reader"))
    page = factories.make_material(home, "Peer work")
    assert "The text of Peer work." in client.get(page.url).content.decode()
    page.body = [("paragraph", "<p>A new text.</p>")]
    factories.publish(page)
    text = client.get(page.url).content.decode()
    assert "A new text." in text and "The text of Peer work." not in text
    page.unpublish()
    assert client.get("/en/peer-work/").status_code == 404


def test_a_new_translation_shows_in_the_language_switcher(client, home, translated_home, translate_page):
    page = factories.make_material(home, "Peer work")

    def switcher_to_norwegian() -> str:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        return soup.select_one('.language-switcher a[lang="nb"]')["href"]

    assert switcher_to_norwegian() == "/en/peer-work/?from=nb"
    translate_page(page, "nb", {"Peer work": "Likepersonsarbeid"})
    assert switcher_to_norwegian() == "/nb/peer-work/"


def test_a_view_restriction_applies_on_the_next_request(client, home):
    page = factories.make_material(home, "Members only", show_in_menus=True)
    assert client.get(page.url).status_code == 200
    assert menu(client) == ["Members only"]
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert menu(client) == []
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_a_restriction_on_an_ancestor_covers_the_pages_below(client, home):
    section = factories.make_section(home, "Closed")
    page = factories.make_material(section, "Inside")
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302


def test_a_site_moved_to_another_host_is_found_there_at_once(client, home):
    site = Site.objects.get(is_default_site=True)
    assert client.get("/en/", HTTP_HOST="testserver").status_code == 200
    site.is_default_site = False
    site.hostname = "nordpeer.example"
    site.save()
    assert client.get("/en/", HTTP_HOST="testserver").status_code == 404
    assert client.get("/en/", HTTP_HOST="nordpeer.example").status_code == 200


def test_the_sites_root_paths_are_kept_and_follow_a_change_of_site(client, home, monkeypatch):
    # Wagtail asks them for every page address on a request, from the shared cache if not kept.
    asked = []
    original = Site.get_site_root_paths

    def counted():
        asked.append(1)
        return original()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counted))
    assert client.get("/en/").status_code == 200  # what is kept is built
    asked.clear()
    for _request in range(2):
        assert client.get("/en/").status_code == 200
    assert asked == []
    site = Site.objects.get(is_default_site=True)
    site.port = 8080
    site.save()
    response = client.get("/en/", HTTP_HOST="testserver:8080")
    assert response.status_code == 200
    assert asked
    roots = response.wsgi_request._wagtail_cached_site_root_paths
    assert roots
    assert all(root.root_url.endswith(":8080") for root in roots)


def outdated_notice(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".notice--outdated")


def test_the_out_of_date_notice_follows_the_source_and_the_translation(client, home, translated_home):
    from website.translating import source_strings, translate

    page = factories.make_material(home, "Peer work")
    translate(page, "sv", {text: f"{text} (sv)" for text in source_strings(page)})
    assert outdated_notice(client, "/sv/peer-work-sv/") is None
    page.summary = "Changed"
    factories.publish(page)
    assert outdated_notice(client, "/sv/peer-work-sv/") is not None
    translate(page, "sv", {"Changed": "Ändrad"})
    assert outdated_notice(client, "/sv/peer-work-sv/") is None
