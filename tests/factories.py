"""Small builders for test data. Pages are saved and published the way the admin does it."""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from website.models import EventPage, MaterialPage, ResourcePage, SectionPage, VideoCaption, VideoPage

_numbers = itertools.count(1)

WEBVTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello\n"


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


def make_document(title: str = "Handbook", name: str = "handbook.pdf", content: bytes = b"%PDF-1.4\n") -> Document:
    document = Document(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def make_video(parent: Page, title: str = "Video", captions: tuple[str, ...] = ("en",), **fields) -> VideoPage:
    fields.setdefault("video_file", make_document(f"{title} file", "video.webm", b"\x1aE\xdf\xa3"))
    page = VideoPage(title=title, summary=f"Summary of {title}", transcript="<p>Transcript.</p>", **fields)
    parent.add_child(instance=page)
    for language in captions:
        caption = VideoCaption(page=page, language=language)
        caption.file.save(f"{language}.vtt", ContentFile(WEBVTT.encode()), save=False)
        caption.save()
    return publish(page)


def make_resource(parent: Page, title: str = "Handbook", kind: str = "handbook", **fields) -> ResourcePage:
    return add_page(parent, ResourcePage(title=title, kind=kind, summary=f"Summary of {title}", **fields))


def make_event(parent: Page, title: str = "Network gathering", **fields) -> EventPage:
    fields.setdefault("start", timezone.now() + timezone.timedelta(days=30))
    fields.setdefault("venue", "Oslo")
    return add_page(parent, EventPage(title=title, **fields))


def make_user(username: str | None = None, *, groups: tuple[Group, ...] = (), superuser: bool = False):
    username = username or f"user{next(_numbers)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw", is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.add(*groups)
    return user
