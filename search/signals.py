"""What queues index updates: page publishing, unpublishing, moves and deletes; glossary changes."""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import glossary
from search.indexing import request_update

logger = logging.getLogger(__name__)


def _with_descendants(page: Page) -> list[str]:
    """The page's key and those of every page below it (their URLs or reachability changed)."""
    below = Page.objects.descendant_of(page).values_list("translation_key", flat=True)
    return [str(page.translation_key), *map(str, below)]


def _course_of(page: Page) -> list[str]:
    """The course above a module or lesson: its indexed outline shows their titles."""
    from lms.models import LessonPage, ModulePage
    from lms.models.courses import course_of

    if not isinstance(page, ModulePage | LessonPage):
        return []
    course = course_of(page)
    return [str(course.translation_key)] if course else []


def on_published(sender, instance: Page, **kwargs) -> None:
    # A first publication can make a whole tree reachable (a language's home going live).
    first_time = instance.first_published_at == instance.last_published_at
    keys = _with_descendants(instance) if first_time else [instance.translation_key]
    request_update([*keys, *_course_of(instance)])


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    request_update([*_with_descendants(instance), *_course_of(instance)])


def on_moved_or_renamed(sender, instance: Page, **kwargs) -> None:
    request_update(_with_descendants(instance))


def on_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        request_update([instance.translation_key])


def connect() -> None:
    from website.models import GlossaryTerm

    page_published.connect(on_published, dispatch_uid="search-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search-unpublished")
    post_page_move.connect(on_moved_or_renamed, dispatch_uid="search-moved")
    page_slug_changed.connect(on_moved_or_renamed, dispatch_uid="search-slug")
    post_delete.connect(on_deleted, dispatch_uid="search-deleted")
    post_save.connect(glossary.clear_cache, sender=GlossaryTerm, dispatch_uid="search-glossary-saved")
    post_delete.connect(glossary.clear_cache, sender=GlossaryTerm, dispatch_uid="search-glossary-deleted")
