"""Readers of a translation older than its source's last published change are told, with a link."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.utils import formats, timezone, translation
from wagtail_localize.models import TranslationSource

from tests import factories
from website.languages import translated_name
from website.translating import source_strings, translate


def all_strings(page, code: str) -> dict[str, str]:
    return {text: f"{text} ({code})" for text in source_strings(page)}


def notice(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".notice--outdated")


@pytest.fixture
def page(home, translated_home):
    page = factories.make_material(home, "Peer work")
    translate(page, "sv", all_strings(page, "sv"))
    return page


@pytest.mark.django_db
def test_no_notice_on_a_translation_in_step_with_its_source(client, page):
    assert notice(client, "/sv/peer-work-sv/") is None


@pytest.mark.django_db
def test_no_notice_on_the_source_page(client, page):
    page.summary = "Changed"
    factories.publish(page)
    assert notice(client, "/en/peer-work/") is None


@pytest.mark.django_db
def test_a_translation_older_than_its_source_says_so_with_a_link_to_the_source(client, page):
    page.summary = "Changed"
    factories.publish(page)
    found = notice(client, "/sv/peer-work-sv/")
    assert found is not None
    assert found["role"] == "note"
    link = found.find("a")
    assert link["href"] == "/en/peer-work/"
    assert link["hreflang"] == "en"
    # Said in the page's language, naming the source's language and the date of its change.
    with translation.override("sv"):
        assert translated_name("en") in link.get_text()
        assert formats.date_format(timezone.localtime(page.last_published_at)) in found.get_text(" ")


@pytest.mark.django_db
def test_the_notice_stays_until_the_translation_is_brought_up_to_date(client, page):
    page.summary = "Changed"
    factories.publish(page)
    TranslationSource.objects.get(object_id=page.translation_key).update_from_db()  # synced, not applied
    assert notice(client, "/sv/peer-work-sv/") is not None
    translate(page, "sv", {"Changed": "Ändrad"})
    assert notice(client, "/sv/peer-work-sv/") is None


@pytest.mark.django_db
def test_the_notice_is_in_the_language_of_the_page(client, page):
    page.summary = "Changed"
    factories.publish(page)
    text = notice(client, "/sv/peer-work-sv/").get_text(" ", strip=True)
    assert "Den här översättningen kan vara inaktuell" in text
    assert "Läs originalet på" in text
