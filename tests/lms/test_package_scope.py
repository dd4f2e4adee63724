"""Interactive packages follow the per-language editor rule of pages.

A Swedish editor uploads, edits and replaces Swedish packages, sees and chooses every
package (a lesson may fall back to another language's), and cannot change, replace or
delete another language's package, nor move their own into another language.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.models import InteractivePackage
from lms.packages import ingest_file
from tests.factories import make_user
from tests.factories_packages import h5p_files, make_zip
from website.permissions import editable_languages

URLS = "wagtailsnippets_lms_interactivepackage"


def package_in(language: str, title: str) -> InteractivePackage:
    upload = SimpleUploadedFile(f"{title}.h5p", make_zip(h5p_files()), content_type="application/zip")
    return ingest_file(upload, title=title, language=language)


@pytest.fixture
def swedish_editor(client, editor_of):
    editor = editor_of("sv")
    client.force_login(editor)
    return editor


def test_an_editor_edits_the_languages_whose_pages_they_edit(site, editor_of):
    assert editable_languages(editor_of("sv")) == {"sv"}
    assert editable_languages(editor_of("nb")) == {"nb"}
    assert editable_languages(make_user("admin", superuser=True)) >= {"en", "sv", "nb", "lv"}
    assert editable_languages(make_user("nobody")) == set()


def test_own_language_package_can_be_edited(client, swedish_editor):
    own = package_in("sv", "Svenska övningen")
    assert client.get(reverse(f"{URLS}:edit", args=[own.pk])).status_code == 200
    response = client.post(reverse(f"{URLS}:edit", args=[own.pk]), {"title": "Ny titel", "language": "sv"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Ny titel"


def test_another_languages_package_cannot_be_edited_or_replaced(client, swedish_editor):
    norwegian = package_in("nb", "Norsk oppgave")
    edit_url = reverse(f"{URLS}:edit", args=[norwegian.pk])
    assert client.get(edit_url).status_code == 302
    replacement = SimpleUploadedFile("other.h5p", make_zip(h5p_files()), content_type="application/zip")
    response = client.post(edit_url, {"title": "Overwritten", "language": "nb", "upload": replacement})
    assert response.status_code == 302
    norwegian.refresh_from_db()
    assert norwegian.title == "Norsk oppgave"
    assert norwegian.revision == 1
    # Nor can it be deleted (editors have no delete permission at all).
    client.post(reverse(f"{URLS}:delete", args=[norwegian.pk]))
    assert InteractivePackage.objects.filter(pk=norwegian.pk).exists()


def test_the_list_shows_every_package_but_offers_edit_only_for_own(client, swedish_editor):
    own = package_in("sv", "Svenska övningen")
    norwegian = package_in("nb", "Norsk oppgave")
    listing = client.get(reverse(f"{URLS}:list")).content.decode()
    assert "Svenska övningen" in listing and "Norsk oppgave" in listing
    assert reverse(f"{URLS}:edit", args=[own.pk]) in listing
    assert reverse(f"{URLS}:edit", args=[norwegian.pk]) not in listing


def test_a_new_package_can_only_be_in_own_language(
    client, swedish_editor, django_capture_on_commit_callbacks
):
    form_page = client.get(reverse(f"{URLS}:add")).content.decode()
    assert 'value="sv"' in form_page and 'value="nb"' not in form_page
    upload = SimpleUploadedFile("quiz.h5p", make_zip(h5p_files()), content_type="application/zip")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(f"{URLS}:add"), {"title": "Quiz", "language": "nb", "upload": upload})
    assert response.status_code == 200  # the form again, with an error on the language
    assert not InteractivePackage.objects.exists()


def test_own_package_cannot_be_moved_into_another_language(client, swedish_editor):
    own = package_in("sv", "Svenska övningen")
    client.post(reverse(f"{URLS}:edit", args=[own.pk]), {"title": "Svenska övningen", "language": "nb"})
    own.refresh_from_db()
    assert own.language == "sv"
