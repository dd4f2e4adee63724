"""PO export and import of a page's translation: the round trip, and bad files rejected whole."""

from __future__ import annotations

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests import factories
from website.po_files import PoImportError, export_po, import_po, markup
from website.translating import source_strings, translate

LINKED = 'Read <a id="a1">the guide</a> before %(name)s starts.'


def translation_of(page, code: str) -> Translation:
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return Translation.objects.get(source=source, target_locale__language_code=code)


@pytest.fixture
def page(home, translated_home):
    page = factories.make_material(
        home,
        "Peer work",
        body=[
            ("heading", {"text": "About peer work", "level": "h2"}),
            (
                "paragraph",
                '<p>Read <a href="https://example.org/guide">the guide</a> before %(name)s starts.</p>',
            ),
        ],
    )
    translate(page, "sv", {}, publish=False)  # submitted for translation, nothing translated yet
    return page


@pytest.fixture
def editor(editor_of):
    client = Client()
    client.force_login(editor_of("sv"))
    return client


def download(client, translation: Translation) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation: Translation, content: str | bytes):
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("page.po", data), "next": "/admin/"},
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def swedish(text: str) -> str:
    """A translation that keeps the markup: only the words outside tags change."""
    return text.replace("Read", "Läs").replace("the guide", "guiden").replace("before", "innan")


def snapshot():
    return sorted(StringTranslation.objects.values_list("id", "data"))


@pytest.mark.django_db
def test_the_page_round_trips_through_a_po_file(page, editor):
    translation = translation_of(page, "sv")
    po = download(editor, translation)
    assert po.metadata["Language"] == "sv"
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgid for entry in po} == set(source_strings(page))
    assert LINKED in {entry.msgid for entry in po}
    for entry in po:
        entry.msgstr = swedish(entry.msgid) if entry.msgid == LINKED else f"{entry.msgid} (sv)"

    response = upload(editor, translation, str(po))
    assert response.status_code == 302
    assert any("Imported" in message for message in messages_of(response))

    again = download(editor, translation)
    assert {entry.msgid: entry.msgstr for entry in again} == {entry.msgid: entry.msgstr for entry in po}
    translation.save_target(publish=True)
    translated = page.get_translation(translation.target_locale)
    translated.refresh_from_db()
    paragraph = str(translated.specific.body[1].value)
    assert "Läs" in paragraph
    assert 'href="https://example.org/guide"' in paragraph  # the link survived


@pytest.mark.django_db
def test_a_file_of_another_page_is_rejected_and_changes_nothing(page, editor, home):
    other = factories.make_material(home, "Recovery")
    translate(other, "sv", {}, publish=False)
    po = export_po(translation_of(other, "sv"))
    for entry in po:
        entry.msgstr = f"{entry.msgid} (sv)"
    before = snapshot()
    response = upload(editor, translation_of(page, "sv"), str(po))
    assert response.status_code == 302
    (message,) = messages_of(response)
    assert "nothing was changed" in message
    assert "“Recovery”" in message and "“Peer work”" in message
    assert snapshot() == before


@pytest.mark.django_db
def test_a_file_of_the_same_page_in_another_language_is_rejected(page, editor):
    translate(page, "nb", {}, publish=False)
    po = export_po(translation_of(page, "nb"))
    with pytest.raises(PoImportError, match="belongs to “Peer work” in"):
        import_po(translation_of(page, "sv"), str(po).encode())


@pytest.mark.parametrize(
    ("msgstr", "missing", "added"),
    [
        ("Läs guiden innan %(name)s börjar.", '<a id="a1">', ""),  # link dropped
        ('Läs <a id="a1">guiden</a> innan börjar.', "%(name)s", ""),  # placeholder dropped
        ('Läs <a id="a2">guiden</a> innan %(name)s börjar.', '<a id="a1">', '<a id="a2">'),  # wrong link
        ('Läs <a id="a1">guiden</a> <b>innan</b> %(name)s börjar.', "", "<b>"),  # element added
        ('Läs <a id="a1">guiden innan %(name)s börjar.', "</a>", ""),  # not closed
    ],
)
@pytest.mark.django_db
def test_broken_placeholders_or_markup_reject_the_whole_file(page, editor, msgstr, missing, added):
    translation = translation_of(page, "sv")
    po = export_po(translation)
    for entry in po:
        entry.msgstr = msgstr if entry.msgid == LINKED else f"{entry.msgid} (sv)"  # the rest is fine
    before = snapshot()
    with pytest.raises(PoImportError) as error:
        import_po(translation, str(po).encode())
    (problem,) = error.value.problems
    assert "must keep the placeholders and markup" in problem
    said_missing, said_added = problem.split("Missing:")[1].split("Not in the original:")
    assert missing in said_missing
    assert added in said_added
    response = upload(editor, translation, str(po))
    assert "nothing was changed" in messages_of(response)[0]
    assert snapshot() == before


@pytest.mark.django_db
def test_reordered_markup_is_accepted(page):
    translation = translation_of(page, "sv")
    po = export_po(translation)
    for entry in po:
        if entry.msgid == LINKED:
            entry.msgstr = 'Innan %(name)s börjar: läs <a id="a1">guiden</a>.'
    result = import_po(translation, str(po).encode())
    assert result.translated == 1
    imported = StringTranslation.objects.get(locale=translation.target_locale, translation_of__data=LINKED)
    assert imported.data.startswith("Innan")


@pytest.mark.parametrize(
    "content",
    [b"this is not a PO file", b"\xff\xfe\x00broken", b"/etc/passwd"],
)
@pytest.mark.django_db
def test_unreadable_or_foreign_files_are_rejected(page, editor, content):
    before = snapshot()
    response = upload(editor, translation_of(page, "sv"), content)
    assert "nothing was changed" in messages_of(response)[0]
    assert snapshot() == before


@pytest.mark.django_db
def test_a_po_file_without_the_translation_id_is_rejected(page):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Peer work", msgstr="Kamratstöd", msgctxt="title"))
    with pytest.raises(PoImportError, match="names no translation"):
        import_po(translation_of(page, "sv"), str(po).encode())


@pytest.mark.django_db
def test_editors_of_another_language_cannot_download_or_upload(page, editor_of):
    client = Client()
    client.force_login(editor_of("da"))
    translation = translation_of(page, "sv")
    # Wagtail's admin turns a refusal into a redirect to the dashboard with a message.
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 302
    assert "Content-Disposition" not in response
    po = export_po(translation)
    for entry in po:
        entry.msgstr = f"{entry.msgid} (sv)"
    before = snapshot()
    assert upload(client, translation, str(po)).status_code == 302
    assert snapshot() == before


def test_markup_counts_placeholders_and_elements():
    assert markup('a <a id="a1">b</a> %(x)s <br/> {y}') == markup('{y} %(x)s <br/> <a id="a1">b</a>')
    assert markup('<a id="a1">x</a>') != markup('<a id="a2">x</a>')
