"""Small builders for test data. Pages are saved and published the way the admin does it."""

from __future__ import annotations

import io
import itertools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from website.models import (
    EventPage,
    HomePage,
    MaterialPage,
    ResourcePage,
    SectionPage,
    VideoCaption,
    VideoPage,
)

_numbers = itertools.count(1)

WEBVTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello\n"


def source_home() -> HomePage:
    """The source-language home page, for a module-scoped fixture (``home`` is per test)."""
    return HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return publish(page)


def make_section(parent: Page, title: str = "Library", **fields) -> SectionPage:
    return add_page(parent, SectionPage(title=title, introduction=fields.pop("introduction", ""), **fields))


def make_material(parent: Page, title: str | None = None, **fields) -> MaterialPage:
    title = title or f"Material {next(_numbers)}"
    fields.setdefault("summary", f"Summary of {title}")
    fields.setdefault(
        "body",
        [
            ("heading", {"text": f"About {title}", "level": "h2"}),
            ("paragraph", f"<p>The text of {title}.</p>"),
        ],
    )
    return add_page(parent, MaterialPage(title=title, **fields))


def make_document(
    title: str = "Handbook", name: str = "handbook.pdf", content: bytes = b"%PDF-1.4\n"
) -> Document:
    document = Document(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def png_bytes(width: int = 8, height: int = 6, colour: tuple[int, int, int] = (40, 120, 90)) -> bytes:
    """A real PNG made with Pillow, small enough to keep renditions fast."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title: str = "Photo", description: str = "", name: str = "photo.png") -> Image:
    # An ImageFile (not a plain ContentFile) so Django fills in width and height.
    return Image.objects.create(
        title=title, description=description, file=ImageFile(io.BytesIO(png_bytes()), name=name)
    )


def make_caption(page: VideoPage, language: str, content: str = WEBVTT) -> VideoCaption:
    """Add a caption track to an already saved video (publish the page afterwards to make it live)."""
    caption = VideoCaption(page=page, language=language)
    caption.file.save(f"{language}.vtt", ContentFile(content.encode()), save=False)
    caption.save()
    return caption


def make_video(
    parent: Page, title: str = "Video", captions: tuple[str, ...] = ("en",), **fields
) -> VideoPage:
    fields.setdefault("video_file", make_document(f"{title} file", "video.webm", b"\x1aE\xdf\xa3"))
    page = VideoPage(title=title, summary=f"Summary of {title}", transcript="<p>Transcript.</p>", **fields)
    parent.add_child(instance=page)
    for language in captions:
        make_caption(page, language)
    return publish(page)


def make_resource(parent: Page, title: str = "Handbook", kind: str = "handbook", **fields) -> ResourcePage:
    fields.setdefault("summary", f"Summary of {title}")
    return add_page(parent, ResourcePage(title=title, kind=kind, **fields))


def make_event(parent: Page, title: str = "Network gathering", **fields) -> EventPage:
    fields.setdefault("start", timezone.now() + timezone.timedelta(days=30))
    fields.setdefault("venue", "Oslo")
    return add_page(parent, EventPage(title=title, **fields))


def make_user(username: str | None = None, *, groups: tuple[Group, ...] = (), superuser: bool = False):
    username = username or f"user{next(_numbers)}"
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="pw",
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.add(*groups)
    return user


def admin_form_data(client, url: str, changes: dict | None = None):
    """POST data for a Wagtail admin page form, built from the form ``client`` is shown at ``url``.

    StreamField and inline panel data that the admin builds in the browser go in ``changes``,
    nested (``{"body": streamfield([...]), "captions": inline_formset([...])}``).
    """
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(changes or {}))
    return data
