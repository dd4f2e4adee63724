"""Starting, finishing and syncing a translation never publishes untranslated text under
another language's tag; editors browse the English source read-only and act only in their
own language, and the status report offers only what the user may do."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests import factories
from website.translating import source_strings, translate

pytestmark = pytest.mark.django_db

STATUS_URL = "/admin/reports/translation-status/"


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def swedish() -> Locale:
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def source_page(home, translated_home):
    return factories.make_material(home, "Peer work", summary="What peer workers do all day.")


def start_translation(client, page, locale, capture) -> None:
    with capture(execute=True):  # wagtail-localize publishes, if at all, after the commit
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302


def translation_of(page, locale) -> Translation:
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def test_starting_a_translation_publishes_nothing(
    source_page, editor_of, django_capture_on_commit_callbacks, client
):
    start_translation(login(editor_of("sv")), source_page, swedish(), django_capture_on_commit_callbacks)
    draft = source_page.get_translation(swedish())
    assert not draft.live
    # No English text is served under /sv/ with lang="sv": the Swedish address is not a page yet.
    response = client.get(f"/sv/{draft.slug}/")
    assert response.status_code == 404 or 'lang="sv"' not in response.content.decode()


def publish_from_translation_editor(client, page, capture):
    with capture(execute=True):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})


def test_publishing_an_unfinished_translation_is_refused(
    source_page, editor_of, django_capture_on_commit_callbacks
):
    client = login(editor_of("sv"))
    start_translation(client, source_page, swedish(), django_capture_on_commit_callbacks)
    draft = source_page.get_translation(swedish())
    response = publish_from_translation_editor(client, draft, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    messages = [str(m) for m in response.wsgi_request._messages]
    total = len(source_strings(source_page))
    assert any(f"{total} strings are not translated yet" in m for m in messages)


def test_a_finished_translation_is_published(source_page, editor_of, django_capture_on_commit_callbacks):
    client = login(editor_of("sv"))
    start_translation(client, source_page, swedish(), django_capture_on_commit_callbacks)
    strings = {text: f"{text} (sv)" for text in source_strings(source_page)}
    translate(source_page, "sv", strings, publish=False)
    draft = source_page.get_translation(swedish())
    publish_from_translation_editor(client, draft, django_capture_on_commit_callbacks)
    draft.refresh_from_db()
    assert draft.live
    assert draft.specific.summary == "What peer workers do all day. (sv)"


def test_sync_and_publish_publishes_only_finished_translations(
    source_page, editor_of, django_capture_on_commit_callbacks
):
    translate(source_page, "sv", {text: f"{text} (sv)" for text in source_strings(source_page)})
    source_page.summary = "A new English sentence."
    factories.publish(source_page)
    source = TranslationSource.objects.get(object_id=source_page.translation_key)
    client = login(editor_of("sv"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    live = source_page.get_translation(swedish()).specific
    live.refresh_from_db()
    assert live.live
    assert live.summary == "What peer workers do all day. (sv)"  # the English sentence did not go live
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("1 translation has untranslated strings and was not published" in m for m in messages)
    # Once the new sentence is translated, the same sync publishes it.
    segment = StringSegment.objects.get(source=source, string__data="A new English sentence.")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=swedish(), context=segment.context, data="En ny mening."
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    live.refresh_from_db()
    assert live.live and live.summary == "En ny mening."


def test_the_source_tree_is_browsable_read_only(source_page, home, editor_of):
    client = login(editor_of("sv"))
    response = client.get(reverse("source_pages"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Peer work" in html
    submit = reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
    assert f"{submit}?select_locale=sv" in html
    assert "select_locale=nb" not in html and "select_locale=da" not in html
    # No way into editing the English pages themselves.
    assert reverse("wagtailadmin_pages:edit", args=[source_page.pk]) not in html
    assert reverse("wagtailadmin_pages:edit", args=[home.pk]) not in html
    # The menu leads there.
    assert reverse("source_pages") in client.get("/admin/").content.decode()


def test_the_source_tree_links_an_existing_translation_to_its_editor(source_page, home, editor_of):
    sv_page = translate(source_page, "sv", {})
    html = login(editor_of("sv")).get(reverse("source_pages")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[sv_page.pk]) in html


def test_people_without_translation_rights_cannot_browse(source_page):
    assert login(factories.make_user("nobody")).get(reverse("source_pages")).status_code == 302


def test_the_status_report_offers_only_the_users_languages(source_page, editor_of):
    html = login(editor_of("sv")).get(STATUS_URL).content.decode()
    submit = reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
    assert f"{submit}?select_locale=sv" in html
    for other in ("nb", "da", "fi", "is", "et", "lv", "lt"):
        assert f"{submit}?select_locale={other}" not in html
    nb_home_edit = reverse(
        "wagtailadmin_pages:edit",
        args=[source_page.get_parent().get_translation(Locale.objects.get(language_code="nb")).pk],
    )
    assert nb_home_edit not in html


def test_parent_pages_copied_for_a_translation_are_never_served_as_that_language(
    home, translated_home, editor_of, django_capture_on_commit_callbacks, client
):
    section = factories.make_section(home, "Library")
    material = factories.make_material(section, "Peer work")
    start_translation(login(editor_of("sv")), material, swedish(), django_capture_on_commit_callbacks)
    assert not material.get_translation(swedish()).live
    # wagtail-localize made the untranslated parent an alias of the English section (live, English
    # text), and Wagtail makes it live again whenever the English section is published.
    factories.publish(section)
    alias = section.get_translation(swedish())
    assert alias.alias_of_id == section.pk and alias.live
    response = client.get(alias.url)
    assert response.status_code == 302
    assert response["Location"] == f"{section.url}?from=sv"
    english = client.get(response["Location"]).content.decode()
    assert '<html lang="en">' in english
