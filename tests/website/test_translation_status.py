"""The translation status report: each state, filters, links, CSV, editors' own language first."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from tests import factories
from tests.factories import source_home
from tests.module_data import built_for_the_module, fresh
from website.translating import source_strings, translate
from website.translation_status import State, source_locale, source_pages, translation_status

URL = "/admin/reports/translation-status/"


def all_strings(page, code: str) -> dict[str, str]:
    """A translation of every string of ``page``: what a finished translation holds."""
    return {text: f"{text} ({code})" for text in source_strings(page)}


def cell(page, code: str):
    rows = translation_status(Page.objects.filter(pk=page.pk), [Locale.objects.get(language_code=code)])
    return rows[0].cells[0]


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _translated_section(home):
    section = factories.make_section(home, "Library")
    translate(section, "sv", all_strings(section, "sv"))
    translate(section, "nb", all_strings(section, "nb"))
    return section


@pytest.fixture(scope="module")
def module_section(request, django_db_setup, django_db_blocker, module_translated_home):
    """The section below, built once where the module's home translations are (tests/module_data.py)."""
    if module_translated_home is None:
        yield None
        return
    yield from built_for_the_module(request, django_db_blocker, lambda: _translated_section(source_home()))


@pytest.fixture
def section(module_section, home, translated_home):
    """A section of the source tree, translated into Swedish and Norwegian."""
    return _translated_section(home) if module_section is None else fresh(module_section)


@pytest.fixture
def page(section):
    return factories.make_material(section, "Peer work")


@pytest.mark.django_db
def test_missing_when_no_translation_exists(page):
    assert cell(page, "sv").state == State.MISSING
    assert cell(page, "sv").page_id is None


@pytest.mark.django_db
def test_up_to_date_when_complete_live_and_synced(page):
    translated = translate(page, "sv", all_strings(page, "sv"))
    status = cell(page, "sv")
    assert status.state == State.UP_TO_DATE
    assert status.page_id == translated.pk
    assert status.translated == status.total > 0


@pytest.mark.django_db
def test_in_progress_while_a_draft(page):
    translate(page, "sv", all_strings(page, "sv"), publish=False)
    status = cell(page, "sv")
    assert status.state == State.IN_PROGRESS
    assert not status.live


@pytest.mark.django_db
def test_in_progress_while_strings_are_untranslated(page):
    translate(page, "sv", {page.title: "Kamratstöd"})  # published, but only the title translated
    status = cell(page, "sv")
    assert status.state == State.IN_PROGRESS
    assert status.live
    assert status.translated == 1 < status.total


@pytest.mark.django_db
def test_in_progress_with_unpublished_changes(page):
    translated = translate(page, "sv", all_strings(page, "sv"))
    translated.save_revision()  # a draft on top of the live translation
    assert cell(page, "sv").state == State.IN_PROGRESS


@pytest.mark.django_db
def test_out_of_date_when_the_source_is_published_after_the_sync(page):
    translate(page, "sv", all_strings(page, "sv"))
    synced = cell(page, "sv").synced_at
    page.summary = "A new summary"
    factories.publish(page)
    status = cell(page, "sv")
    assert status.state == State.OUT_OF_DATE
    assert status.source_published_at == page.last_published_at > synced
    assert status.synced_at == synced
    assert status.translation_source_id == TranslationSource.objects.get(object_id=page.translation_key).pk


@pytest.mark.django_db
def test_synced_but_not_applied_is_in_progress_then_up_to_date_once_translated(page):
    translate(page, "sv", all_strings(page, "sv"))
    page.summary = "A new summary"
    factories.publish(page)
    TranslationSource.objects.get(object_id=page.translation_key).update_from_db()  # "Sync"
    status = cell(page, "sv")
    assert status.state == State.IN_PROGRESS  # the new summary is not translated yet
    assert status.translated == status.total - 1
    translate(page, "sv", {"A new summary": "En ny sammanfattning"})
    assert cell(page, "sv").state == State.UP_TO_DATE


@pytest.mark.django_db
def test_a_translation_made_without_wagtail_localize_compares_publication_dates(page, section):
    swedish = Locale.objects.get(language_code="sv")
    copy = page.copy_for_translation(swedish)
    factories.publish(copy)
    assert cell(page, "sv").state == State.UP_TO_DATE
    factories.publish(page)
    status = cell(page, "sv")
    assert status.state == State.OUT_OF_DATE
    assert status.translation_source_id is None


@pytest.mark.django_db
def test_one_report_covers_every_page_and_locale(page, section, home):
    translate(page, "sv", all_strings(page, "sv"))
    locales = list(Locale.objects.exclude(language_code="en"))
    rows = translation_status(source_pages(source_locale()), locales)
    assert [row.page.pk for row in rows] == [home.pk, section.pk, page.pk]
    assert all(len(row.cells) == 8 for row in rows)
    assert rows[2].cell("sv").state == State.UP_TO_DATE
    assert rows[2].cell("da").state == State.MISSING


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_pages(section):
    locales = list(Locale.objects.exclude(language_code="en"))
    for number in range(2):
        translate(factories.make_material(section, f"Few {number}"), "sv", {})

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            translation_status(source_pages(source_locale()), locales)
        return len(captured)

    few = queries()
    for number in range(12):
        material = factories.make_material(section, f"Many {number}")
        translate(material, "sv", all_strings(material, "sv"))
        translate(material, "da", {}, publish=False)
    assert queries() == few


@pytest.mark.django_db
def test_the_report_view_costs_the_same_queries_for_few_and_many_pages(section, editor_of):
    client = login(editor_of("sv"))
    client.get(URL)  # warm up one-off caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    few = queries()
    for number in range(15):
        material = factories.make_material(section, f"Page {number}")
        translate(material, "sv", all_strings(material, "sv"))
    assert queries() == few


@pytest.mark.django_db
def test_the_report_lists_states_with_links(page, editor_of):
    translate(page, "sv", all_strings(page, "sv"))
    response = login(editor_of("sv")).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    # A Swedish editor is offered actions in Swedish only; Danish shows its state, no link.
    assert f"{submit}?select_locale=da" not in html
    admin = login(factories.make_user("admin", superuser=True)).get(URL).content.decode()
    assert f"{submit}?select_locale=da" in admin
    assert (
        reverse(
            "wagtailadmin_pages:edit", args=[page.get_translation(Locale.objects.get(language_code="sv")).pk]
        )
        in html
    )
    page.summary = "Changed"
    factories.publish(page)
    html = login(editor_of("sv")).get(URL).content.decode()
    source = TranslationSource.objects.get(object_id=page.translation_key)
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html


@pytest.mark.django_db
def test_an_editor_sees_their_own_language_first(page, editor_of):
    response = login(editor_of("fi")).get(URL)
    codes = [locale.language_code for locale in response.context["locales"]]
    assert codes == ["fi", "nb", "sv", "da", "is", "et", "lv", "lt"]


@pytest.mark.django_db
def test_filters_by_section_locale_and_state(page, section, home, editor_of):
    other = factories.make_section(home, "Events")
    translate(page, "sv", all_strings(page, "sv"))
    client = login(editor_of("sv"))
    swedish = Locale.objects.get(language_code="sv")
    response = client.get(URL, {"section": section.pk, "locale": swedish.pk})
    rows = response.context["rows"]
    assert [row.page.pk for row in rows] == [section.pk, page.pk]
    assert [[c.locale.language_code for c in row.cells] for row in rows] == [["sv"], ["sv"]]
    response = client.get(URL, {"locale": swedish.pk, "state": State.MISSING})
    assert [row.page.pk for row in response.context["rows"]] == [other.pk]


@pytest.mark.django_db
def test_csv_export_has_a_state_and_date_per_language(page, editor_of):
    translate(page, "sv", all_strings(page, "sv"))
    response = login(editor_of("sv")).get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, body = lines[0], lines[1:]
    assert header[:3] == ["Page", "Path", "Source last published"]
    assert header[3] == "sv"  # the editor's own language first
    row = next(line for line in body if line[0] == "Peer work")
    assert row[3] == "Up to date"
    assert row[4]  # the date it was last synced
    assert row[header.index("da")] == "Missing"


@pytest.mark.django_db
def test_the_report_says_machine_translation_is_not_configured(page, editor_of, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    html = login(editor_of("sv")).get(URL).content.decode()
    assert "Machine translation is not configured" in html


@pytest.mark.django_db
def test_the_report_is_in_the_reports_menu(page, editor_of):
    html = login(editor_of("sv")).get("/admin/").content.decode()
    assert URL in html
