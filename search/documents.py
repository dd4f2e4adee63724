"""THE definition of an indexed document, and how one is built from a published page.

The index holds one document per published page per language. Documents of all the
languages of one page share its ``translation_key`` and carry the list of languages the
page is indexed in, so a hit in any language can be shown in the reader's language.

A *topic* is the section a page sits in (its nearest ``SectionPage`` ancestor), named by
that section's ``translation_key`` so that the topic is the same in every language; pages
have no tags, and the sections are how the editors already sort the library.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from wagtail.models import Page

from lms.models import CoursePage
from search.extraction import file_text, html_to_text, streamfield_text
from website.languages import served_locales
from website.models import EventPage, MaterialPage, ResourcePage, SectionPage, VideoPage

#: The searchable page types, by the content type name the index and the API use.
CONTENT_TYPES: dict[str, type[Page]] = {
    "material": MaterialPage,
    "video": VideoPage,
    "publication": ResourcePage,
    "event": EventPage,
    "section": SectionPage,
    "course": CoursePage,
}
_TYPE_OF_MODEL = {model: name for name, model in CONTENT_TYPES.items()}
#: The most text kept from one page (body, transcript and files together).
MAX_BODY = 300_000


@dataclass(frozen=True)
class SearchDocument:
    page_id: int
    translation_key: str
    language: str
    content_type: str
    title: str
    summary: str
    body: str
    url: str
    #: translation_key of the section the page sits in, or "".
    topic: str = ""
    #: One of website.models.base.Audience, or "" where the page type has none.
    audience: str = ""
    #: Every language this page is indexed in (its own included), sorted.
    languages: tuple[str, ...] = field(default_factory=tuple)
    published_at: datetime | None = None
    #: When an event starts.
    starts_at: datetime | None = None
    #: A publication's year.
    year: int | None = None


def content_type_label(name: str) -> str:
    """The content type's name in the active language, e.g. "Learning material"."""
    model = CONTENT_TYPES.get(name)
    return str(model._meta.verbose_name).capitalize() if model else name


def searchable_pages() -> QuerySet:
    """Pages that belong in the index: live, public, of a searchable type, in a served language."""
    return (
        Page.objects.live()
        .public()
        .type(*CONTENT_TYPES.values())
        .filter(locale_id__in=served_locales())
        .select_related("locale")
    )


class TopicFinder:
    """The nearest section above a page, found from tree paths; loads the sections once."""

    def __init__(self) -> None:
        sections = Page.objects.type(SectionPage).values_list("path", "translation_key")
        self.sections = {path: str(key) for path, key in sections}

    def topic(self, page: Page) -> str:
        steps = Page.steplen
        for depth in range(len(page.path) // steps - 1, 0, -1):
            key = self.sections.get(page.path[: depth * steps])
            if key:
                return key
        return ""


def _text_of(page: Page) -> tuple[str, str]:
    """(summary, body text) of a specific page, whatever its type."""
    language = page.locale.language_code
    summary = getattr(page, "summary", "") or getattr(page, "introduction", "") or ""
    parts = []
    if hasattr(page, "body"):
        parts.append(streamfield_text(page.body))
    if isinstance(page, VideoPage):
        parts.append(html_to_text(page.transcript))
        # Every copy offers every caption track; only the page's own language belongs to it.
        for caption in page.captions.all():
            if caption.language == language:
                parts.append(file_text(caption.file) if caption.file else "")
    elif isinstance(page, ResourcePage):
        parts += [page.publisher, page.local_information_heading]
        for resource_file in page.files.all():
            if resource_file.language == language:
                parts += [resource_file.document.title, file_text(resource_file.document.file)]
    elif isinstance(page, EventPage):
        parts += [page.venue, page.audience]
    elif isinstance(page, CoursePage):
        parts += [page.introduction, course_outline_text(page)]
    body = "\n".join(part for part in parts if part)
    return summary, body[:MAX_BODY]


def course_outline_text(course: CoursePage) -> str:
    """The outline the public course page shows: module and lesson titles, never lesson content."""
    from lms.outline import course_outline

    outline = course_outline(course, course.locale.language_code)
    return "\n".join(
        title
        for module in outline.modules
        for title in (module.page.title, *(lesson.page.title for lesson in module.lessons))
    )


def build_document(page: Page, topics: TopicFinder, languages: Iterable[str]) -> SearchDocument:
    """The index document of one live page (pass ``page.specific``)."""
    summary, body = _text_of(page)
    audience = getattr(page, "audience", "")
    return SearchDocument(
        page_id=page.pk,
        translation_key=str(page.translation_key),
        language=page.locale.language_code,
        content_type=_TYPE_OF_MODEL[type(page)],
        title=page.title,
        summary=summary,
        body=body,
        url=page.get_url() or "",
        topic=topics.topic(page),
        # Events describe their audience in free text (it is in the body); only choices are facets.
        audience="" if isinstance(page, EventPage) else audience,
        languages=tuple(sorted(languages)),
        published_at=page.last_published_at or page.first_published_at,
        starts_at=page.start if isinstance(page, EventPage) else None,
        year=page.year if isinstance(page, ResourcePage) else None,
    )


def _with_translations(pages: QuerySet, topics: TopicFinder) -> Iterator[SearchDocument]:
    """Documents of ``pages`` (ordered by translation_key), each group with its languages filled in."""
    for _key, group in itertools.groupby(pages, key=lambda p: p.translation_key):
        group = list(group)
        languages = [p.locale.language_code for p in group]
        for page in group:
            yield build_document(page, topics, languages)


def documents_for_key(translation_key: str) -> list[SearchDocument]:
    """The documents of every live language of one page: what replaces that page's entries in the index."""
    pages = searchable_pages().filter(translation_key=translation_key).specific()
    return list(_with_translations(pages, TopicFinder()))


def all_documents(chunk_size: int = 200) -> Iterator[SearchDocument]:
    """Every document the index should hold, streamed in translation_key order."""
    topics = TopicFinder()
    pages = searchable_pages().order_by("translation_key", "locale_id").specific()
    yield from _with_translations(pages.iterator(chunk_size=chunk_size), topics)


def count_documents() -> int:
    return searchable_pages().count()
