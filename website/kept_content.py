"""What every reader of the site shares, built once per content generation and kept for all.

The site and each language's home for routing, the route to a page with the page itself, the menu,
view restrictions, language switchers, course outlines: they depend only on the rows whose every
change makes a new *generation* (website.page_cache), so they are kept under a key holding it, in
the shared cache, and each process keeps the entries it read last in front of it. Each process
trusts the generation it read for half a second (website.pages_here). Per-reader
records (progress, enrolment, roles) are never kept here.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import caches
from django.http import HttpRequest

from website.page_cache import CACHE_ERRORS, GENERATION_KEY, page_cache
from website.pages_here import pages_here

logger = logging.getLogger(__name__)

#: Where ``for_generation`` keeps what it builds: Redis in production, else each process's memory.
#: Safe either way: the key holds the generation, read from the shared ``pages`` cache, so an edit
#: made in any process reaches every process's copy on its next request.
CONTENT_CACHE_ALIAS = "default"
#: Entries of a past generation are never read again; they only wait to expire.
CONTENT_CACHE_SECONDS = 24 * 3600
_REQUEST_GENERATION = "_page_cache_generation"
_MISSING = object()


#: The request being served (website.routing.CachedRoutingMiddleware sets it), for what is asked
#: without one at hand (a page's view restrictions, by Wagtail's hook): its generation is read once.
_serving: ContextVar[HttpRequest | None] = ContextVar("page_cache_serving", default=None)


@contextmanager
def serving(request: HttpRequest):
    """While ``request`` is served, ``for_generation`` without a request uses its generation."""
    token = _serving.set(request)
    try:
        yield
    finally:
        _serving.reset(token)


def current_generation(request: HttpRequest | None = None) -> str | None:
    """The generation now (one is started if there is none); None when the cache cannot be read.

    Read once per request: everything a request builds from the content then belongs to one
    generation, read before the rows it is built from. Read from the shared cache at most every
    half second per process (website.pages_here): a change made in this process is seen at once,
    one made in another process within that window.
    """
    request = request if request is not None else _serving.get()
    if request is not None and hasattr(request, _REQUEST_GENERATION):
        return getattr(request, _REQUEST_GENERATION)
    # As this process read it less than half a second ago (website.pages_here), else asked again.
    token = pages_here.generation()
    if token is None:
        try:
            cache = page_cache()
            token = cache.get(GENERATION_KEY)
            if token is None:
                cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
                token = cache.get(GENERATION_KEY)
        except CACHE_ERRORS:
            logger.warning("The page cache cannot be read: content is read from the database", exc_info=True)
            token = None
        pages_here.saw_generation(token)
    if request is not None:
        setattr(request, _REQUEST_GENERATION, token)
    return token


def for_generation(name: str, parts: tuple, build, request: HttpRequest | None = None):
    """What ``build()`` returns for ``parts``, built once per generation and kept for every reader.

    Only for what depends on nothing but the rows that make a new generation (pages, locales,
    sites, view restrictions, snippets, media): never on a reader, their records or the time.
    """
    token = current_generation(request)
    if token is None:
        return build()
    key = "content:" + hashlib.sha256(repr((name, token, parts)).encode()).hexdigest()
    kept = _kept_here.get(key)
    if kept is not None:
        return pickle.loads(kept)  # noqa: S301 (written by this process, below)
    cache = caches[CONTENT_CACHE_ALIAS]
    try:
        found = cache.get(key, _MISSING)
    except CACHE_ERRORS:
        return build()
    if found is not _MISSING:
        _kept_here.put(key, found)
        return found
    value = build()
    try:
        cache.set(key, value, CONTENT_CACHE_SECONDS)
    except CACHE_ERRORS:
        logger.warning("The content cache cannot store %s", name, exc_info=True)
    except (pickle.PicklingError, TypeError, AttributeError):
        # Something that cannot be pickled (a routable page's view, say) is built every time.
        logger.debug("%s cannot be kept in the content cache", name, exc_info=True)
        return value
    _kept_here.put(key, value)
    return value


class _KeptHere:
    """The content entries this process read last, pickled, in front of the shared cache.

    An entry's key holds its generation, so what is kept here is never out of date; it saves the
    round trip to Redis (a dozen on a lesson page). Kept pickled, so each request gets its own copy
    to change, as from Redis. Bounded: the least recently read go first.
    """

    def __init__(self, entries: int):
        self.entries = entries
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
            return kept

    def put(self, key: str, value) -> None:
        try:
            kept = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return
        with self._lock:
            self._kept[key] = kept
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


_kept_here = _KeptHere(entries=1024)
