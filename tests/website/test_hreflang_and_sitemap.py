"""hreflang alternates in each page's head, and the XML sitemap with its language alternates."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from wagtail.models import Page, PageViewRestriction

from tests import factories
from website.models import MaterialPage

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def hreflang_links(client, url: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    head = BeautifulSoup(response.content, "html.parser").head
    links = head.find_all("link", rel="alternate")
    hreflangs = [link["hreflang"] for link in links]
    assert len(hreflangs) == len(set(hreflangs)), "each language once"
    return {link["hreflang"]: link["href"] for link in links}


def full_url(page: Page) -> str:
    return page.get_full_url()


@pytest.fixture
def peer_work(home, translated_home, translate_page):
    """English, Norwegian and Swedish live; Danish a draft translation."""
    material = factories.make_material(home, "Peer work")
    pages = {
        "en": material,
        "nb": translate_page(material, "nb", {"peer-work": "likepersonsarbeid"}),
        "sv": translate_page(material, "sv", {"peer-work": "kamratstod"}),
    }
    translate_page(home, "da", {})  # the Danish tree is published, this page's translation is not
    translate_page(material, "da", {"peer-work": "peerarbejde"}, publish=False)
    return pages


@pytest.mark.django_db
def test_every_live_translation_is_an_alternate_and_english_is_x_default(client, peer_work):
    expected = {code: full_url(page) for code, page in peer_work.items()}
    expected["x-default"] = full_url(peer_work["en"])
    assert expected["nb"].endswith("/nb/likepersonsarbeid/")

    assert hreflang_links(client, "/en/peer-work/") == expected
    # The same set on every translation, so the alternates are reciprocal.
    assert hreflang_links(client, "/nb/likepersonsarbeid/") == expected
    assert hreflang_links(client, "/sv/kamratstod/") == expected


@pytest.mark.django_db
def test_a_draft_translation_is_not_an_alternate(client, peer_work):
    assert "da" not in hreflang_links(client, "/en/peer-work/")


@pytest.mark.django_db
def test_an_unpublished_translation_stops_being_an_alternate(client, peer_work):
    peer_work["sv"].unpublish()
    assert set(hreflang_links(client, "/en/peer-work/")) == {"en", "nb", "x-default"}


@pytest.mark.django_db
def test_a_page_only_in_english_has_itself_and_x_default(client, home):
    factories.make_material(home, "Untranslated")
    links = hreflang_links(client, "/en/untranslated/")
    assert set(links) == {"en", "x-default"}
    assert links["en"] == links["x-default"]


def sitemap(client) -> dict[str, dict[str, str]]:
    """The sitemap's entries: location → {hreflang: href} of its alternates."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        assert location not in entries, "each page once"
        assert url.find("sm:lastmod", NS).text
        entries[location] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert all(link.get("rel") == "alternate" for link in url.findall("xhtml:link", NS))
    return entries


@pytest.mark.django_db
def test_sitemap_lists_every_live_public_page_with_its_translations(client, home, translated_home, peer_work):
    section = factories.make_section(home, "Library")
    handbook = factories.make_resource(section, "Handbook")
    event = factories.make_event(home, "Gathering")

    entries = sitemap(client)

    # The homes of the published trees (English, Norwegian, Swedish, and Danish from peer_work).
    homes = Page.objects.live().filter(depth=2)
    assert sorted(h.locale.language_code for h in homes) == ["da", "en", "nb", "sv"]
    expected = {full_url(p) for p in [*homes, *peer_work.values(), section, handbook, event]}
    assert set(entries) == expected

    alternates = {code: full_url(page) for code, page in peer_work.items()}
    for page in peer_work.values():
        assert entries[full_url(page)] == alternates
    assert set(entries[full_url(home)]) == {"en", "nb", "sv", "da"}
    # Pages in one language only have no alternates.
    assert entries[full_url(handbook)] == {}


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts(client, home, peer_work):
    draft = factories.make_material(home, "Not ready")
    draft.unpublish()
    never_published = home.add_child(instance=MaterialPage(title="Never published", live=False))

    locations = sitemap(client)
    assert full_url(draft) not in locations
    assert full_url(never_published) not in locations
    assert not any("peerarbejde" in location for location in locations)


@pytest.mark.django_db
def test_sitemap_leaves_out_private_pages_and_what_is_below_them(client, home):
    members = factories.make_section(home, "Members")
    inside = factories.make_material(members, "Internal guide")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    password = factories.make_material(home, "Board papers")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    public = factories.make_material(home, "Open guide")

    locations = sitemap(client)
    assert full_url(public) in locations
    for private in (members, inside, password):
        assert full_url(private) not in locations


@pytest.mark.django_db
def test_sitemap_leaves_out_pages_in_a_language_whose_home_is_still_a_draft(client, home, translate_page):
    material = factories.make_material(home, "Peer work")
    finnish = translate_page(material, "fi", {"peer-work": "vertaistyo"})
    assert finnish.live

    entries = sitemap(client)
    assert not any("/fi/" in location for location in entries)
    assert entries[full_url(material)] == {}
