"""Whole public pages for anonymous readers, served from the cache without rendering them again.

Most of the site's readers are the public reading the library, not signed in; their page at
one address is the same for all of them. The middleware answers such a request from the
``pages`` cache before sessions, CSRF, authentication or the database are touched, and stores
a page only when nothing about it belongs to one reader.

What is looked up (``candidate_key``): a GET to an address under a language prefix
(``/en/...``), with no query string or only the switcher's ``?from=<language>``, from a browser
that sends neither a session nor a messages cookie (so it cannot be signed in and has no notice
waiting) and no Authorization header. The key is the scheme, host and the full path: the language
is its prefix, so each language of each page has its own entry. Unprefixed addresses (``/``),
whose redirect follows Accept-Language, are never looked up.

What is stored (``storable``): a page that ``SitePage.serve`` rendered (never a preview, a
password form or another view), with status 200, no cookie set, no CSRF token used, no
Cache-Control that forbids sharing, no Vary beyond Cookie (covered: the candidate sends no
session cookie), and no CSP nonce. A nonce must be new and unguessable on every response;
a stored page would hand the same one to everyone, so a page whose template asks for one
(``request.csp_nonce``) is rendered each time. Site pages need none today: their scripts are
files from 'self'.

Invalidation: every entry carries the site's *generation*, a random token in the same cache;
an entry from another generation is a miss. Each process keeps the pages it served last in front
of the shared cache (website.pages_here): a change made in another process reaches it within half
a second, one made in it at once. Any change that can show on a public page makes a
new generation: a page saved, published, unpublished, moved or deleted (this covers a
translation's change, which also changes the switcher of every other language's copy, and a
page shown in or taken out of menus, which changes every page's navigation), a snippet, image,
document, caption, locale, site or view restriction saved or deleted, a translation synced with
its source (wagtail-localize's sources, translations and their logs), and every ``migrate``
(each deploy runs it), so new templates never meet old pages. The token is replaced at once
and again when the transaction commits, so a page rendered from the old rows inside the
window cannot be stored under the new generation.

The generation also keys what every reader of the site shares and the database would otherwise
be asked for on every request (website.kept_content): routing, menus, view restrictions, language
switchers, course outlines, the translation notice. It is kept with the page cache off too.

The cache must be shared by every process that serves pages or changes them: Redis with
REDIS_URL, else files in PAGE_CACHE_DIR (one machine's workers and task worker). A per-process
memory cache would leave another worker's pages unchanged after an edit; ``check --deploy``
says so (``website.W010``).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import time
import uuid
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re
from redis.exceptions import RedisError
from wagtail.signals import post_page_move

from website.pages_here import current, pages_here

logger = logging.getLogger(__name__)

#: A cache that cannot be reached (Redis down, a full or read-only disk): pages are rendered.
CACHE_ERRORS = (RedisError, OSError)
#: The alias in CACHES that holds pages and the generation token.
CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
#: Says whether the page came from the cache ("hit") or was rendered and stored ("miss").
STATUS_HEADER = "X-Page-Cache"
#: Cookies that mean the reader may be signed in or has a notice waiting.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
#: Cache-Control directives that forbid a shared copy.
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}
#: The request attribute ``allow`` sets: the seconds this page may be kept.
_ALLOWED = "_page_cache_seconds"
_SWITCHER_QUERY = re.compile(r"from=([a-z]{2,3}(?:-[a-z]+)?)")


def timeout_seconds() -> int:
    """How long a page is kept; 0 turns the page cache off."""
    return settings.PAGE_CACHE_SECONDS


def page_cache() -> BaseCache:
    return caches[CACHE_ALIAS]


def new_generation() -> None:
    """Make every stored page stale (see the module's docstring for when).

    Kept even with the page cache off: what website.kept_content keeps is keyed by it too.
    """
    pages_here.forget()  # this process sees the change at once, even if the shared cache is down
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
    except CACHE_ERRORS:
        # An editor's publication must not fail for the cache; pages stored before it may be served
        # until they expire (PAGE_CACHE_SECONDS) if that cache keeps them through its outage.
        logger.exception("The page cache could not be told that pages changed")


def new_generation_now_and_on_commit() -> None:
    new_generation()
    transaction.on_commit(new_generation)


# --- Requests and responses ---------------------------------------------------------------


def _languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def candidate_key(request: HttpRequest) -> str | None:
    """The cache key of an anonymous public page request, or None when it must be rendered."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return None
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return None
    parts = request.path_info.split("/", 2)
    if len(parts) < 3 or parts[1] not in _languages():
        return None
    query = request.META.get("QUERY_STRING", "")
    if query:
        switcher = _SWITCHER_QUERY.fullmatch(query)
        if switcher is None or switcher.group(1) not in _languages():
            return None
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page-cache:" + hashlib.sha256(address.encode()).hexdigest()


def allow(request: HttpRequest, seconds: int | None = None) -> None:
    """Let this request's page be stored (``SitePage.serve``), for at most ``seconds``."""
    limit = timeout_seconds() if seconds is None else min(seconds, timeout_seconds())
    current = getattr(request, _ALLOWED, None)
    setattr(request, _ALLOWED, limit if current is None else min(current, limit))


def expire_within(request: HttpRequest, seconds: float) -> None:
    """The page changes by itself within ``seconds`` (an event starts): keep it no longer.

    Only shortens what ``allow`` granted; a page that may not be stored stays so.
    """
    if getattr(request, _ALLOWED, None) is not None:
        allow(request, max(0, int(seconds)))


def _varies_only_on_cookie(response: HttpResponseBase) -> bool:
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= {"cookie"}


def _shareable(response: HttpResponseBase) -> bool:
    given = cc_delim_re.split(response.get("Cache-Control", ""))
    directives = {d.split("=")[0].strip().lower() for d in given}
    return not directives & PRIVATE_DIRECTIVES


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the page may be given to every anonymous reader of its address."""
    seconds = getattr(request, _ALLOWED, None)
    user = getattr(request, "user", None)
    return bool(
        seconds
        and not getattr(request, "is_preview", False)
        and response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and b"csrfmiddlewaretoken" not in response.content
        and getattr(request, "_csp_nonce", None) is None
        and "'nonce-" not in response.get("Content-Security-Policy", "")
        and _varies_only_on_cookie(response)
        and _shareable(response)
    )


def _entry(generation: str, response: HttpResponse, seconds: int) -> tuple:
    """What is stored: the generation, the response, and when it expires (for ``pages_here``)."""
    headers = list(response.headers.items())
    return (generation, response.status_code, headers, response.content, time.time() + seconds)


def _response(entry: tuple) -> HttpResponse:
    _generation, status, headers, content, _expires_at = entry
    response = HttpResponse(content, status=status, headers=dict(headers))
    response[STATUS_HEADER] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Answer anonymous readers of public pages from the ``pages`` cache (see the module docstring).

    Sits right after the security and content-host middleware: a hit skips sessions, locale,
    CSRF, authentication and rendering; the stored headers already hold what those added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        key = candidate_key(request) if timeout_seconds() > 0 else None
        if key is None:
            return self.get_response(request)
        # This process's copy first (website.pages_here): no round trip within its window.
        generation = pages_here.generation()
        entry = pages_here.page(key, generation) if generation is not None else None
        if entry is not None:
            return _response(entry)
        cache = page_cache()
        try:
            found: dict[str, Any] = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            entry = found.get(key)
            if generation is None:
                # First request since the cache was emptied: start a generation (another process may win).
                cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
                generation = cache.get(GENERATION_KEY)
        except CACHE_ERRORS:
            # The page is rendered as if there were no cache; /healthz/ reports the outage.
            logger.warning("The page cache cannot be read; rendering %s", request.path, exc_info=True)
            return self.get_response(request)
        pages_here.saw_generation(generation)
        if generation is not None and entry is not None and current(entry, generation):
            pages_here.keep(key, entry)
            return _response(entry)
        response = self.get_response(request)
        if generation is not None and storable(request, response):
            seconds = getattr(request, _ALLOWED)
            entry = _entry(generation, response, seconds)
            try:
                cache.set(key, entry, seconds)
                response[STATUS_HEADER] = "miss"
            except CACHE_ERRORS:
                logger.warning("The page cache cannot store %s", request.path, exc_info=True)
            else:
                pages_here.keep(key, entry)
        return response


# --- What makes a new generation -----------------------------------------------------------


@functools.cache
def _changes_public_pages() -> tuple[type, ...]:
    """Models whose rows show on public pages (their tree, text, menus, links, media)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail_localize.models import Translation, TranslationLog, TranslationSource

    from website.models import GlossaryTerm, PartnerOrganisation, ResourceFile, VideoCaption

    return (
        Page,
        Locale,
        Site,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
        PartnerOrganisation,
        GlossaryTerm,
        ResourceFile,
        VideoCaption,
        # When a translation was last synced with its source: the "may be out of date" notice.
        TranslationSource,
        Translation,
        TranslationLog,
    )


@receiver(post_save, dispatch_uid="page-cache-saved")
@receiver(post_delete, dispatch_uid="page-cache-deleted")
def _row_changed(sender, **kwargs) -> None:
    if issubclass(sender, _changes_public_pages()):
        new_generation_now_and_on_commit()


@receiver(post_page_move, dispatch_uid="page-cache-moved")
def _page_moved(sender, **kwargs) -> None:
    # A move rewrites the descendants' paths with UPDATEs, not saves: its own signal.
    new_generation_now_and_on_commit()


@receiver(post_migrate, dispatch_uid="page-cache-migrated")
def _migrated(sender, **kwargs) -> None:
    # Sent once per app; one new generation per deploy is enough, so only for this app.
    if sender.name == "website":
        new_generation()


# --- check --deploy --------------------------------------------------------------------------


@checks.register(checks.Tags.caches, deploy=True)
def check_page_cache_is_shared(app_configs, **kwargs) -> list[checks.CheckMessage]:
    backend = settings.CACHES.get(CACHE_ALIAS, {}).get("BACKEND", "")
    # Even with the page cache off: the generation it holds keys what website.kept_content keeps.
    if backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The page cache is kept in each process's memory: after an edit, other workers "
                "keep serving the old page, menu and course outline.",
                hint="Set REDIS_URL (or leave CACHES['pages'] on files in PAGE_CACHE_DIR).",
                id="website.W010",
            )
        ]
    return []
