"""Which language a reader gets: fallback chains, the switcher and hreflang alternates.

A page exists in some of the site's languages. For every language the reader
may ask for, the chain in ``settings.LANGUAGE_FALLBACKS`` says which existing
translation stands in for it; English, the source, ends every chain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Page, TranslatableMixin

from website import kept_content

T = TypeVar("T", bound=TranslatableMixin)
V = TypeVar("V")


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def is_language(code: str | None) -> bool:
    return code in language_codes()


def fallback_chain(code: str) -> list[str]:
    """The languages to try, in order, for a reader of ``code``: itself first, the source last."""
    chain = [code, *settings.LANGUAGE_FALLBACKS.get(code, []), settings.LANGUAGE_CODE]
    return list(dict.fromkeys(c for c in chain if is_language(c)))


def translated_name(code: str) -> str:
    """The language's name from ``settings.LANGUAGES`` in the active language, e.g. 'norska (bokmål)'.

    Not Django's ``name_translated``: its name for nb ("Norwegian Bokmal") matches no catalogue entry.
    """
    return str(dict(settings.LANGUAGES).get(code, code))


def native_name(code: str) -> str:
    """The language's name in that language, as a reader looking for it would recognise it."""
    # Django writes some with a qualifier in brackets ("norsk (bokmål)"); a plain name
    # reads better in the switcher, where a bracketed note may follow it.
    name = get_language_info(code)["name_local"].replace(" (", " ").replace(")", "")
    return name[:1].upper() + name[1:]


def best_in_chain(code: str, available: Iterable[str]) -> str | None:
    """The first language of ``code``'s fallback chain that is among ``available``."""
    present = set(available)
    return next((c for c in fallback_chain(code) if c in present), None)


def best_value(by_language: Mapping[str, V], code: str) -> V | None:
    """From ``{language: value}``, the value a reader of ``code`` should get along their chain."""
    best = best_in_chain(code, by_language)
    return by_language[best] if best else None


def in_language(queryset: QuerySet[T], code: str) -> list[T]:
    """One object per ``translation_key``: the best translation for a reader of ``code``.

    Runs a single query whatever the number of objects or translations.
    """
    chain = fallback_chain(code)
    rank = {c: i for i, c in enumerate(chain)}
    best: dict = {}
    for obj in queryset.filter(locale__language_code__in=chain).select_related("locale"):
        current = best.get(obj.translation_key)
        if current is None or rank[obj.locale.language_code] < rank[current.locale.language_code]:
            best[obj.translation_key] = obj
    return list(best.values())


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    #: The language the link actually opens, when it is a stand-in for ``code``.
    shown_in: str | None
    is_current: bool

    @property
    def shown_in_name(self) -> str:
        return native_name(self.shown_in) if self.shown_in else ""


@dataclass(frozen=True)
class PageLanguages:
    """Everything a page template needs about the page's languages."""

    links: list[LanguageLink]
    #: (language code, absolute URL) of every live translation, for hreflang.
    alternates: list[tuple[str, str]]
    x_default: str | None
    #: The language the reader asked for, when this page is a stand-in for it.
    requested: str | None
    #: The page's live copy in the source language, if any (for the "may be out of date" notice).
    source: Page | None = None
    #: What these are kept under per content generation (None for a draft): what renders them
    #: alone may keep its HTML under it too (``{% kept_per_generation %}``).
    kept_as: tuple | None = None


def served_locales() -> QuerySet:
    """The ids of the locales whose home page is live.

    Wagtail serves a language's URLs from that language's home only once the home is
    live; until then ``/da/...`` is routed through the source tree, so a live page in a
    draft tree cannot be reached (and linking or redirecting to it would loop).
    """
    return Page.objects.live().filter(depth=2).values("locale_id")


def live_translations(page: Page) -> dict[str, Page]:
    """The live, reachable translations of ``page`` (itself included), by language code, in one query."""
    pages = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale_id__in=served_locales())
        .select_related("locale")
    )
    return {p.locale.language_code: p for p in pages}


def best_translation(page: Page, code: str) -> Page | None:
    """The live, reachable translation of ``page`` a reader of ``code`` should get, if any."""
    translations = live_translations(page)
    best = best_in_chain(code, translations)
    return translations[best] if best else None


def requested_language(request: HttpRequest, page: Page) -> str | None:
    """The language the reader asked for, when it is not the page's own.

    Asked either by following a switcher link (``?from=da``) or by a URL in a
    language the page does not exist in.
    """
    asked = request.GET.get("from")
    if not is_language(asked):
        asked = translation.get_language()
    own = page.locale.language_code
    return asked if is_language(asked) and asked != own else None


def page_languages(page: Page, request: HttpRequest) -> PageLanguages:
    """The language switcher and alternate links of ``page``: the same for every reader of one
    language, so built once per content generation (each is 19 page URLs and a query) and per
    set of the site's languages (a setting)."""
    requested = requested_language(request, page)
    if page.pk is None or getattr(request, "is_preview", False):  # an editor's draft: as it is now
        return _page_languages(page, request, requested)
    parts = (page.pk, requested, request.get_host(), tuple(language_codes()))
    return kept_content.for_generation(
        "page-languages", parts, lambda: _page_languages(page, request, requested, kept_as=parts), request
    )


def _page_languages(
    page: Page, request: HttpRequest, requested: str | None, kept_as: tuple | None = None
) -> PageLanguages:
    translations = live_translations(page)
    own = page.locale.language_code
    translations.setdefault(own, page)
    links = []
    for code in language_codes():
        shown = best_in_chain(code, translations)
        if shown is None:
            continue
        url = translations[shown].get_url(request)
        if shown != code:
            url = f"{url}?from={code}"
        links.append(
            LanguageLink(
                code=code,
                name=native_name(code),
                url=url,
                shown_in=shown if shown != code else None,
                is_current=code == (requested or own),
            )
        )
    alternates = [
        (code, translations[code].get_full_url(request)) for code in language_codes() if code in translations
    ]
    source = translations.get(settings.LANGUAGE_CODE)
    return PageLanguages(
        links=links,
        alternates=alternates,
        x_default=source.get_full_url(request) if source else None,
        requested=requested,
        source=source,
        kept_as=kept_as,
    )


def view_languages(request: HttpRequest) -> PageLanguages:
    """Language links for a page that is a view, not a Wagtail page: the same URL under each prefix."""
    current = translation.get_language()
    path = request.get_full_path()
    links = [
        LanguageLink(
            code=code,
            name=native_name(code),
            url=translate_url(path, code),
            shown_in=None,
            is_current=code == current,
        )
        for code in language_codes()
    ]
    return PageLanguages(links=links, alternates=[], x_default=None, requested=None)
