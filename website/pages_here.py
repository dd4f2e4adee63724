"""The content generation as this process last read it, and the public pages it served last, in
front of the shared page cache (website.page_cache).

The generation is read from the shared cache at most every ``GENERATION_RECHECK_SECONDS`` per
process, for the page cache and for what is kept per generation (website.kept_content) alike.

A page from the shared cache costs a round trip to Redis (or a file read) for the generation and
the page, where a static file costs the server a lookup in memory: that round trip was half of an
anonymous reader's request. So each process keeps the pages it served last, each with its
generation and the moment it expires, and the generation as it last read it. For
``GENERATION_RECHECK_SECONDS`` after that read, a reader gets the page from this memory alone.

A change made in this process is seen at once: ``page_cache.new_generation`` forgets everything
kept here. A change made in another process (an editor's publication served by another worker, a
scheduled publication by the task worker) is seen here when the window ends: within half a second.
Only anonymous public pages are kept here; what signed-in readers get is read as before.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

#: How long this process trusts the generation it read last before it reads it again.
GENERATION_RECHECK_SECONDS = 0.5
#: The most page bytes one process keeps; the least recently read pages go first.
MAX_BYTES = 16 * 1024 * 1024

#: The window's clock (a test moves it); expiry is by the wall clock, as the shared cache's.
_clock = time.monotonic


class PagesHere:
    """Entries of the page cache (``(generation, status, headers, content, expires_at)``)."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0
        self._generation: str | None = None
        self._read_at = 0.0

    def generation(self) -> str | None:
        """The generation read less than the window ago, or None: ask the shared cache."""
        with self._lock:
            if self._generation is not None and _clock() - self._read_at < GENERATION_RECHECK_SECONDS:
                return self._generation
            return None

    def saw_generation(self, generation: str | None) -> None:
        """The generation just read from the shared cache; pages of another one are let go."""
        with self._lock:
            if generation != self._generation:
                self._drop_pages()
            self._generation = generation
            self._read_at = _clock()

    def page(self, key: str, generation: str) -> tuple | None:
        with self._lock:
            entry = self._pages.get(key)
            if entry is None or not current(entry, generation):
                return None
            self._pages.move_to_end(key)
            return entry

    def keep(self, key: str, entry: tuple) -> None:
        size = len(entry[3])
        if size > self.max_bytes // 8:
            return  # one large page would push out many small ones
        with self._lock:
            if entry[0] != self._generation:
                return
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old[3])
            self._pages[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped[3])

    def forget(self) -> None:
        """Everything kept here, and the generation: this process changed what pages show."""
        with self._lock:
            self._drop_pages()
            self._generation = None

    def _drop_pages(self) -> None:
        self._pages.clear()
        self._bytes = 0


def current(entry: tuple, generation: str) -> bool:
    """Whether a stored entry belongs to ``generation`` and has not expired."""
    return len(entry) == 5 and entry[0] == generation and entry[4] > time.time()


pages_here = PagesHere()
