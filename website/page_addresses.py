"""A page's address kept with the page, where the page itself is kept per content generation.

Wagtail works out a page's address (``get_url_parts``: which site, its root, the path) each time
it is asked, from the sites' root paths; a lesson page asks it for every lesson in its outline,
every crumb and menu item. An address depends only on pages, sites and locales, whose every change
makes a new generation (website.page_cache), so pages kept per generation keep theirs: stored on
the instance, where it shadows the method and is pickled along. Whether the address is relative
to the request's site is still decided per request, by Wagtail's ``get_url``.
"""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Page


class KeptUrlParts:
    """Stands in for ``page.get_url_parts``: the parts it returned when the page was kept."""

    def __init__(self, parts: tuple | None):
        self.parts = parts

    def __call__(self, request=None) -> tuple | None:
        return self.parts


def keep_addresses(pages: Iterable[Page | None]) -> None:
    """Work out each page's address now, to be kept with it (only for pages kept per generation)."""
    for page in pages:
        if page is not None and not isinstance(page.__dict__.get("get_url_parts"), KeptUrlParts):
            page.get_url_parts = KeptUrlParts(page.get_url_parts())
