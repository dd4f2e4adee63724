"""Where each page of the source tree stands in each language: the translation status report.

For a live page of the source (English) tree and a target locale, the state is:

``missing``
    No page with the source's ``translation_key`` exists in the locale.
``out_of_date``
    A translation exists, but the source page was published after wagtail-localize last
    extracted its content (``TranslationSource.last_updated_at``): the translation has not
    been synced with the source's latest published change. Editors sync it ("Sync
    translated pages"). The date shown is the source's last publication. For a translation
    made outside wagtail-localize (or whose synced translation was stopped), it is out of
    date when the source was published after the translation was last published.
``in_progress``
    A translation exists and is synced, but one of these holds: the page is not live (a
    draft, or unpublished); it has unpublished changes; some of the source's strings have
    no translation yet in wagtail-localize (the same test as its own "Waiting for
    translations"); or the synced content has not been applied to the translated page yet
    (the source was published after the translated page was last rebuilt from it).
``up_to_date``
    Otherwise: live, complete and built from the source's latest published content.

Every figure comes from a fixed number of grouped queries, whatever the number of pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, F, Max, QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationLog, TranslationSource

from website.site_setup import editor_group_name


class State(TextChoices):
    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in_progress", _("In progress")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass(frozen=True, slots=True)
class Cell:
    """The state of one source page in one locale."""

    locale: Locale
    state: str
    #: The translated page, when there is one.
    page_id: int | None = None
    #: When the source page was last published.
    source_published_at: datetime | None = None
    #: When the translation was last brought in line with the source (None: never).
    synced_at: datetime | None = None
    #: wagtail-localize's source record of the page (for its "Sync" view), if any.
    translation_source_id: int | None = None
    #: wagtail-localize's translation into this locale (for PO download/upload), if any.
    translation_id: int | None = None
    #: Translated and total strings, when wagtail-localize manages the translation.
    translated: int | None = None
    total: int | None = None
    live: bool = False

    @property
    def label(self) -> str:
        return State(self.state).label


@dataclass(slots=True)
class Row:
    """One page of the source tree with its state in every locale shown."""

    page: Page
    cells: list[Cell] = field(default_factory=list)

    def cell(self, language_code: str) -> Cell | None:
        return next((c for c in self.cells if c.locale.language_code == language_code), None)


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


#: The page fields the report reads, so that rows load without the specific models.
ROW_FIELDS = [
    "id", "title", "draft_title", "path", "depth", "url_path",
    "translation_key", "locale_id", "last_published_at",
]  # fmt: skip


def source_pages(locale: Locale, section: Page | None = None) -> QuerySet[Page]:
    """The live pages of the source tree (the home and everything below it), in tree order."""
    pages = Page.objects.live().filter(locale=locale, depth__gte=2)
    if section is not None:
        pages = pages.descendant_of(section, inclusive=True)
    return pages.only(*ROW_FIELDS).order_by("path")


def sections(locale: Locale) -> QuerySet[Page]:
    """The top-level pages below the source home: what the report can be filtered by."""
    return Page.objects.filter(locale=locale, depth=3).order_by("path")


def user_language_codes(user) -> list[str]:
    """The languages whose editor group (``site_setup``) ``user`` belongs to, in settings order."""
    names = set(user.groups.values_list("name", flat=True))
    return [code for code, _name in settings.LANGUAGES if editor_group_name(code) in names]


def ordered_locales(locales: Iterable[Locale], first: Sequence[str] = ()) -> list[Locale]:
    """``locales`` in settings order, the languages in ``first`` (an editor's own) leading."""
    order = [code for code, _name in settings.LANGUAGES]

    def rank(locale: Locale) -> tuple[int, int]:
        code = locale.language_code
        return (0 if code in first else 1, order.index(code) if code in order else len(order))

    return sorted(locales, key=rank)


def _state(
    *,
    published_at: datetime | None,
    extracted_at: datetime | None,
    rebuilt_at: datetime | None,
    translated: int | None,
    total: int | None,
    page: dict,
) -> tuple[str, datetime | None]:
    """The state of an existing translation, and when it was last synced with the source."""
    if extracted_at is None:
        # Not (or no longer) a synced wagtail-localize translation: compare publications.
        synced_at = page["last_published_at"]
        if published_at and (synced_at is None or published_at > synced_at) and page["live"]:
            return State.OUT_OF_DATE, synced_at
        if not page["live"] or page["has_unpublished_changes"]:
            return State.IN_PROGRESS, synced_at
        return State.UP_TO_DATE, synced_at
    synced_at = min(extracted_at, rebuilt_at) if rebuilt_at else extracted_at
    if published_at and published_at > extracted_at:
        return State.OUT_OF_DATE, synced_at
    pending = published_at is not None and (rebuilt_at is None or published_at > rebuilt_at)
    incomplete = total is not None and (translated or 0) < total
    if pending or incomplete or not page["live"] or page["has_unpublished_changes"]:
        return State.IN_PROGRESS, synced_at
    return State.UP_TO_DATE, synced_at


def translation_status(pages: QuerySet[Page], locales: Sequence[Locale]) -> list[Row]:
    """The state of every page of ``pages`` (source pages) in every locale of ``locales``.

    Six queries whatever the number of pages and locales.
    """
    rows = [Row(page=page) for page in pages]
    if not rows or not locales:
        return [Row(page=row.page) for row in rows]
    keys = pages.values("translation_key")
    locale_ids = [locale.pk for locale in locales]
    source_locale_id = rows[0].page.locale_id

    translated_pages: dict[tuple, dict] = {
        (p["translation_key"], p["locale_id"]): p
        for p in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "id", "translation_key", "locale_id", "live", "has_unpublished_changes", "last_published_at"
        )
    }
    sources = {
        s["object_id"]: s
        for s in TranslationSource.objects.filter(object_id__in=keys, locale_id=source_locale_id)
        .annotate(total=Count("stringsegment"))
        .values("id", "object_id", "last_updated_at", "total")
    }
    source_ids = [s["id"] for s in sources.values()]
    translations = {
        (t["source_id"], t["target_locale_id"]): t["id"]
        for t in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=True
        ).values("id", "source_id", "target_locale_id")
    }
    rebuilt = {
        (log["source_id"], log["locale_id"]): log["at"]
        for log in TranslationLog.objects.filter(source_id__in=source_ids, locale_id__in=locale_ids)
        .values("source_id", "locale_id")
        .annotate(at=Max("created_at"))
    }
    # A segment counts as translated into a locale when a string translation without an
    # error exists for its string in its context (wagtail-localize's own progress rule).
    translated_counts = {
        (s["source_id"], s["locale"]): s["n"]
        for s in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
            string__translations__locale_id__in=locale_ids,
        )
        .values("source_id", locale=F("string__translations__locale_id"))
        .annotate(n=Count("id"))
    }

    for row in rows:
        key = row.page.translation_key
        published_at = row.page.last_published_at
        source = sources.get(key)
        for locale in locales:
            page = translated_pages.get((key, locale.pk))
            if page is None:
                row.cells.append(Cell(locale=locale, state=State.MISSING, source_published_at=published_at))
                continue
            translation_id = translations.get((source["id"], locale.pk)) if source else None
            managed = translation_id is not None
            total = source["total"] if managed else None
            translated = translated_counts.get((source["id"], locale.pk), 0) if managed else None
            state, synced_at = _state(
                published_at=published_at,
                extracted_at=source["last_updated_at"] if managed else None,
                rebuilt_at=rebuilt.get((source["id"], locale.pk)) if managed else None,
                translated=translated,
                total=total,
                page=page,
            )
            row.cells.append(
                Cell(
                    locale=locale,
                    state=state,
                    page_id=page["id"],
                    source_published_at=published_at,
                    synced_at=synced_at,
                    # Syncing reaches only enabled wagtail-localize translations.
                    translation_source_id=source["id"] if managed else None,
                    translation_id=translation_id,
                    translated=translated,
                    total=total,
                    live=page["live"],
                )
            )
    return rows


def summary(rows: Iterable[Row]) -> dict[str, dict[str, int]]:
    """How many pages are in each state, per language code."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(State.values, 0))
    for row in rows:
        for cell in row.cells:
            counts[cell.locale.language_code][cell.state] += 1
    return dict(counts)


@dataclass(frozen=True, slots=True)
class SourceUpdate:
    """The source page of a translation that is older than the source's last published change."""

    source: Page
    published_at: datetime


def newer_source(page: Page, source: Page | None = None) -> SourceUpdate | None:
    """The live source page when ``page``, a translation, is older than its last published change.

    ``source``: the live source page, when the caller has it already (a page's language switcher).
    """
    if source is None:
        locale = source_locale()
        if page.locale_id == locale.pk:
            return None
        source = Page.objects.live().filter(translation_key=page.translation_key, locale=locale).first()
    elif source.pk == page.pk:
        return None
    if source is None or source.last_published_at is None:
        return None
    cell = translation_status(Page.objects.filter(pk=source.pk).only(*ROW_FIELDS), [page.locale])[0].cells[0]
    if cell.synced_at is not None and source.last_published_at <= cell.synced_at:
        return None
    return SourceUpdate(source=source, published_at=source.last_published_at)
