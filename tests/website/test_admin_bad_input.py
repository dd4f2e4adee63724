"""Bad input in the admin gets a clear error and saves nothing; the upload validators on their own."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from tests import factories
from website.models import MaterialPage, VideoCaption, VideoPage
from website.validators import validate_upload_size, validate_webvtt

SRT = b"1\n00:00:01,000 --> 00:00:04,000\nHello\n\n2\n00:00:05,000 --> 00:00:06,000\nAgain\n"
VTT = factories.WEBVTT.encode()
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01"


def errors_in(response) -> str:
    """The error messages the admin shows, as one string."""
    assert response.status_code == 200, "a refused form is shown again, not redirected"
    return response.content.decode()


def unique_name(suffix: str) -> str:
    return f"upload-{uuid.uuid4().hex[:8]}{suffix}"


def stored(name: str, folder: str) -> bool:
    _dirs, files = default_storage.listdir(folder) if default_storage.exists(folder) else ([], [])
    stem = name.rsplit(".", 1)[0]
    return any(f.startswith(stem) for f in files)


# --- Slugs ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_slug_that_clashes_with_a_sibling_is_a_form_error_and_saves_nothing(admin_client, home):
    factories.make_material(home, "Peer work")
    url = f"/admin/pages/add/website/materialpage/{home.pk}/"
    data = factories.admin_form_data(
        admin_client,
        url,
        {
            "title": "Peer work again",
            "slug": "peer-work",
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "action-publish": "action-publish",
        },
    )
    pages, revisions = Page.objects.count(), Revision.objects.count()

    response = admin_client.post(url, data)

    assert "already in use" in " ".join(response.context["form"].errors["slug"])
    assert "already in use" in errors_in(response)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert not MaterialPage.objects.filter(title="Peer work again").exists()


@pytest.mark.django_db
def test_renaming_a_page_to_a_siblings_slug_is_a_form_error_and_changes_nothing(admin_client, home):
    factories.make_material(home, "Peer work")
    other = factories.make_material(home, "Recovery")
    url = f"/admin/pages/{other.pk}/edit/"
    data = factories.admin_form_data(
        admin_client,
        url,
        {"slug": "peer-work", "body": streamfield([("paragraph", rich_text("<p>Text</p>"))])},
    )
    revisions = Revision.objects.count()

    response = admin_client.post(url, data)

    assert "already in use" in " ".join(response.context["form"].errors["slug"])
    other.refresh_from_db()
    assert other.slug == "recovery"
    assert Revision.objects.count() == revisions


# --- Caption files -------------------------------------------------------------------------------


def add_video_data(client, parent: Page, captions: list[dict]) -> tuple[str, dict]:
    url = f"/admin/pages/add/website/videopage/{parent.pk}/"
    data = factories.admin_form_data(
        client,
        url,
        {
            "title": "Recovery stories",
            "slug": "recovery-stories",
            "embed_url": "https://vimeo.com/1",
            "transcript": rich_text("<p>Transcript</p>"),
            "captions": inline_formset(captions),
            "action-publish": "action-publish",
        },
    )
    return url, data


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (SRT, "the first line must be"),
        (PNG_HEADER, "this file is not text"),
        (b"WEBVTT\n\nNOTE nothing here\n", "has no captions"),
        (b"WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nComma\n", "cue timing WebVTT cannot read"),
    ],
    ids=["srt-renamed", "binary", "no-cues", "srt-timing"],
)
def test_a_caption_file_that_is_not_webvtt_is_refused_and_nothing_is_saved(
    admin_client, home, content, message
):
    name = unique_name(".vtt")
    url, data = add_video_data(
        admin_client, home, [{"language": "en", "file": SimpleUploadedFile(name, content, "text/vtt")}]
    )

    response = admin_client.post(url, data)

    caption_form = response.context["form"].formsets["captions"].forms[0]
    assert message in " ".join(caption_form.errors["file"])
    assert message in errors_in(response).replace("&quot;", '"')
    assert not VideoPage.objects.exists()
    assert not VideoCaption.objects.exists()
    assert not stored(name, "captions")


@pytest.mark.django_db
def test_a_caption_with_another_extension_is_refused(admin_client, home):
    url, data = add_video_data(
        admin_client, home, [{"language": "en", "file": SimpleUploadedFile(unique_name(".srt"), VTT)}]
    )
    response = admin_client.post(url, data)
    assert "extension" in " ".join(response.context["form"].formsets["captions"].forms[0].errors["file"])
    assert not VideoPage.objects.exists()


@pytest.mark.django_db
def test_a_valid_caption_file_is_accepted(admin_client, home):
    url, data = add_video_data(
        admin_client, home, [{"language": "en", "file": SimpleUploadedFile(unique_name(".vtt"), VTT)}]
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    video = VideoPage.objects.get()
    assert video.live
    assert [c.language for c in video.captions.all()] == ["en"]


@pytest.mark.django_db
def test_a_bad_caption_added_to_an_existing_video_changes_nothing(admin_client, home):
    video = factories.make_video(home, "Recovery stories", captions=("en",))
    url = f"/admin/pages/{video.pk}/edit/"
    existing = video.captions.get()
    data = factories.admin_form_data(admin_client, url)
    # The existing track as the form shows it, plus a new one that is not WebVTT.
    data.update(
        {
            "captions-TOTAL_FORMS": "2",
            "captions-1-language": "sv",
            "captions-1-file": SimpleUploadedFile(unique_name(".vtt"), SRT),
            "captions-1-ORDER": "2",
            "captions-1-DELETE": "",
            "captions-1-id": "",
            "title": "Renamed",
            "action-publish": "action-publish",
        }
    )
    assert data["captions-0-id"] == str(existing.pk)
    revisions = Revision.objects.count()

    response = admin_client.post(url, data)

    assert "the first line must be" in " ".join(
        response.context["form"].formsets["captions"].forms[1].errors["file"]
    )
    video.refresh_from_db()
    assert video.title == "Recovery stories"
    assert [c.language for c in VideoCaption.objects.all()] == ["en"]
    assert Revision.objects.count() == revisions


# --- Oversize uploads ----------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(MAX_UPLOAD_SIZE=1000, WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
def test_an_oversize_document_is_refused_with_a_clear_message_and_nothing_is_saved(admin_client, site):
    name = unique_name(".pdf")
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Big handbook", "file": SimpleUploadedFile(name, b"%PDF-1.4\n" + b"x" * 2000)},
    )

    assert (
        "This file is too big (2.0\xa0KB). Maximum filesize 1000\xa0bytes."
        in response.context["form"].errors["file"]
    )
    assert "This file is too big" in errors_in(response)
    assert not Document.objects.exists()
    assert not stored(name, "documents")

    multiple = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(unique_name(".pdf"), b"%PDF-1.4\n" + b"x" * 2000)},
    )
    assert multiple.json()["success"] is False
    assert "This file is too big" in multiple.json()["error_message"]
    assert not Document.objects.exists()

    small = admin_client.post(
        "/admin/documents/add/",
        {"title": "Leaflet", "file": SimpleUploadedFile(unique_name(".pdf"), b"%PDF-1.4\n")},
    )
    assert small.status_code == 302
    assert Document.objects.get().title == "Leaflet"


@pytest.mark.django_db
def test_an_oversize_caption_file_is_refused_with_a_clear_message_and_nothing_is_saved(admin_client, home):
    big = VTT + b"\n00:00:03.000 --> 00:00:04.000\n" + b"x" * 200 + b"\n"
    name = unique_name(".vtt")
    url, data = add_video_data(
        admin_client, home, [{"language": "en", "file": SimpleUploadedFile(name, big)}]
    )

    with override_settings(MAX_UPLOAD_SIZE=100, WAGTAILDOCS_MAX_UPLOAD_SIZE=100):
        response = admin_client.post(url, data)

    errors = response.context["form"].formsets["captions"].forms[0].errors["file"]
    assert f"This file is {len(big)}\xa0bytes; the largest file accepted is 100\xa0bytes." in errors
    assert not VideoPage.objects.exists()
    assert not VideoCaption.objects.exists()
    assert not stored(name, "captions")


# --- The validators ------------------------------------------------------------------------------


def vtt(content: bytes | str, name: str = "captions.vtt") -> ContentFile:
    return ContentFile(content.encode() if isinstance(content, str) else content, name=name)


@pytest.mark.parametrize(
    "content",
    [
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello\n",
        "\ufeffWEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWith a byte order mark\n",
        "WEBVTT\r\n\r\n00:00:01.000 --> 00:00:04.000\r\nWindows line ends\r\n",
        "WEBVTT\n\n00:01.000 --> 00:04.000\nNo hours\n",
        "WEBVTT - Peer work, Swedish\n\n1\n00:00:01.000 --> 00:00:04.000 align:start line:0\nWith settings\n",
        "WEBVTT\n\nNOTE a comment\n\n01:02:03.000 --> 101:02:04.500\nLong video\n",
    ],
    ids=["plain", "bom", "crlf", "no-hours", "header-settings", "note-long-hours"],
)
def test_valid_webvtt_is_accepted(content):
    upload = vtt(content)
    validate_webvtt(upload)
    assert upload.tell() == 0, "the file is rewound for whoever reads it next"


@pytest.mark.parametrize(
    "content, code",
    [
        ("00:00:01.000 --> 00:00:04.000\nNo signature\n", "not_webvtt"),
        ("WEBVTTX\n\n00:00:01.000 --> 00:00:04.000\nWrong signature\n", "not_webvtt"),
        ("", "not_webvtt"),
        (SRT, "not_webvtt"),
        (b"\xff\xd8\xff\xe0 binary", "not_webvtt"),
        ("WEBVTT\n", "empty_webvtt"),
        ("WEBVTT\n\nJust text, no cue\n", "empty_webvtt"),
        ("WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nCommas\n", "bad_cue_timing"),
        (
            "WEBVTT\n\n00:00:01.000 -> 00:00:04.000\nShort arrow\n\n00:05.000 --> 00:06\nNo millis\n",
            "bad_cue_timing",
        ),
        ("WEBVTT\n\n00:00:61.000 --> 00:00:62.000\nSixty-one seconds\n", "bad_cue_timing"),
        ("WEBVTT\n\n00:00:01.000-->00:00:04.000\nNo spaces\n", "bad_cue_timing"),
    ],
    ids=[
        "no-signature",
        "wrong-signature",
        "empty",
        "srt",
        "binary",
        "signature-only",
        "no-cue",
        "comma-millis",
        "no-millis",
        "seconds-out-of-range",
        "no-spaces",
    ],
)
def test_invalid_webvtt_is_refused_with_a_reason(content, code):
    with pytest.raises(ValidationError) as error:
        validate_webvtt(vtt(content))
    assert error.value.code == code
    assert str(error.value.message)


def test_a_malformed_timing_names_its_line():
    with pytest.raises(ValidationError) as error:
        validate_webvtt(vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine\n\n00:00:03 --> 00:00:04\nBad\n"))
    assert error.value.params["number"] == 6
    assert "00:00:03 --> 00:00:04" in error.value.params["line"]


@override_settings(MAX_UPLOAD_SIZE=10)
def test_upload_size_limit_comes_from_settings():
    validate_upload_size(vtt(b"x" * 10))
    with pytest.raises(ValidationError) as error, translation.override("en"):
        validate_upload_size(vtt(b"x" * 11))
    assert error.value.code == "file_too_large"
    assert error.value.params == {"size": "11\xa0bytes", "limit": "10\xa0bytes"}


class UnreadableUpload(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("an oversize caption file was read")


@override_settings(MAX_UPLOAD_SIZE=10)
def test_an_oversize_caption_file_is_left_to_the_size_check_unread():
    """Django runs every validator; the WebVTT check must not load a file already refused as too large."""
    upload = UnreadableUpload("huge.vtt", b"x" * 11, content_type="text/vtt")
    validate_webvtt(upload)  # nothing read, nothing raised: validate_upload_size reports it
    with pytest.raises(ValidationError):
        validate_upload_size(upload)
