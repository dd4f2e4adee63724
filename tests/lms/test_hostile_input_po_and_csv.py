"""Hostile PO uploads and enrolment CSVs: a clear message, every problem listed, nothing stored.

PO: a NUL in a msgstr (PostgreSQL refuses it where SQLite stores it) and a 300,000-character
title (longer than the title can be). CSV: NUL, lone surrogates' bytes, a giant field, deep
quoting. On SQLite and (``make test``) PostgreSQL alike.
"""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from lms.bulk_enrolment import BulkEnrolmentError, parse
from tests import factories
from website.po_files import PoImportError, import_po
from website.translating import translate

pytestmark = pytest.mark.postgres


@pytest.fixture
def translation(home, translated_home) -> Translation:
    page = factories.make_material(
        home, "Peer work", body=[("heading", {"text": "About peer work", "level": "h2"})]
    )
    translate(page, "sv", {}, publish=False)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return Translation.objects.get(source=source, target_locale__language_code="sv")


def filled(translation: Translation, **by_msgid) -> bytes:
    po = translation.export_po()
    for entry in po:
        entry.msgstr = by_msgid.get(entry.msgid, f"{entry.msgid} (sv)")
    return str(po).encode("utf-8")


def upload(translation: Translation, content: bytes, editor):
    client = Client()
    client.force_login(editor)
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("page.po", content), "next": "/admin/"},
    )


def stored() -> list:
    return sorted(StringTranslation.objects.values_list("id", "data"))


def problems_of(translation: Translation, content: bytes) -> list[str]:
    with pytest.raises(PoImportError) as refusal:
        import_po(translation, content)
    return refusal.value.problems


@pytest.mark.django_db
def test_nul_in_a_msgstr_is_refused_and_changes_nothing(translation, editor_of):
    before = stored()
    content = filled(translation, **{"About peer work": "Om kamrat\x00arbete"})
    assert any("NUL" in problem for problem in problems_of(translation, content))
    response = upload(translation, content, editor_of("sv"))
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("NUL" in message for message in messages), messages
    assert stored() == before


@pytest.mark.django_db
def test_a_300000_character_title_is_refused_with_every_problem_listed(translation, editor_of):
    before = stored()
    content = filled(translation, **{"Peer work": "T" * 300_000, "About peer work": "Om\x00"})
    problems = problems_of(translation, content)
    assert any("300000" in problem and "255" in problem for problem in problems), problems
    assert any("NUL" in problem for problem in problems), problems
    response = upload(translation, content, editor_of("sv"))
    assert response.status_code == 302
    assert stored() == before


@pytest.mark.django_db
def test_a_good_file_still_imports(translation):
    import_po(translation, filled(translation))
    assert StringTranslation.objects.filter(data="Peer work (sv)").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"email,name\nanna@example.org,An\x00na\n", "not a CSV text file"),
        (b"email,name\nanna@example.org,\xed\xa0\x80\n", "not UTF-8"),
        (b'email,name\nanna@example.org,"' + b"x" * 200_000 + b'"\n', "larger than"),
        (b'email,name\n"anna@example.org,"unclosed\n', "not valid CSV"),
        (b"\n\n\n", "empty"),
        (b'email,name\nanna@example.org,"' + b"y" * 140_000 + b'"\n', ""),
    ],
    ids=["nul", "surrogate-bytes", "huge", "unclosed-quote", "blank", "field-over-csv-limit"],
)
def test_a_bad_csv_is_refused_whole_with_a_message(content, words, settings):
    settings.LMS_BULK_ENROLMENT_MAX_BYTES = 1024 * 1024
    if words == "larger than":
        settings.LMS_BULK_ENROLMENT_MAX_BYTES = 100 * 1024
    with pytest.raises(BulkEnrolmentError) as refusal:
        parse(content)
    assert words in str(refusal.value)
