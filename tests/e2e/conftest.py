"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live server.

We never download a browser (no ``playwright install``): Chromium is Debian's
package at ``/usr/bin/chromium``, which ``make test`` installs. The tests are
skipped, with the reason, where it is missing (failed on CI: tests/requirements.py).

The live server runs in another thread, so the content a test builds must be
committed: every e2e module is marked
``django_db(transaction=True, serialized_rollback=True)``. The serialised
rollback puts back what Wagtail's migrations create (the root page, the
default site, the root collection), which the flush after a transactional
test would otherwise take from the tests that come after it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import expect, sync_playwright
from wagtail.models import Page

from tests import factories
from tests.requirements import require
from website.translating import translate

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"

#: Headless Chromium that never phones home: the machine has no network beyond
#: the package registries, and without these flags Chromium floods refused connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]

#: How long an action or an expectation waits in a browser test before it fails.
ACTION_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One headless Debian Chromium for the whole run."""
    require(
        CHROMIUM.exists(),
        f"Debian's Chromium at {CHROMIUM}",
        "`make test` installs it (apt-get install chromium); we never download a browser",
    )
    with pytest.MonkeyPatch.context() as env:
        # Playwright's sync API keeps an asyncio event loop running in this thread; Django's
        # ORM refuses to run beside one unless told the calling code is synchronous, which
        # it is. Set only while Playwright runs, so the other suites keep Django's guard.
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # The thread's own database connections, before Playwright's loop starts running in it.
        thread_connections = {alias: connections[alias] for alias in connections}
        with sync_playwright() as playwright:
            # With a running loop, asgiref gives Django a new set of connection objects, as it
            # would to async code; ones that lack the test database's set-up (the data that the
            # serialised rollback puts back, the live server's shared in-memory connection).
            # Hand Django the thread's own connections again.
            for alias, connection in thread_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            # As long as the contexts' own waits: on two busy cores a player's next item (the last
            # one's final commit, a page load, the runtime's start) took more than expect's 5 s.
            expect.set_options(timeout=ACTION_TIMEOUT_MS)
            yield chromium
            chromium.close()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh browser context and tab per test: no cookies or storage carried over."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from npm (package.json); skipped where `npm ci` has not run."""
    hint = "run `npm ci` (`make test` does)" if shutil.which("npm") else "install npm, then `npm ci`"
    require(AXE_JS.exists(), f"axe-core at {AXE_JS}", hint)
    return AXE_JS


@dataclass(frozen=True)
class LiveSite:
    """The live server's address and the pages built for the test, by kind and language."""

    url: str
    pages: dict[str, dict[str, Page]]

    def address(self, kind: str, language: str = "en", query: str = "") -> str:
        return f"{self.url}{self.pages[kind][language].get_url()}{query}"


# Source text and its Norwegian translation, as an editor would enter them.
HOME = {
    "Welcome to Nordpeer": "Velkommen til Nordpeer",
    "Shared learning material for peer support workers in the Nordic and Baltic countries.": (
        "Felles læremateriell for erfaringskonsulenter i Norden og Baltikum."
    ),
}
LIBRARY = {
    "Library": "Bibliotek",
    "library": "bibliotek",
    "Handbooks, material and videos for courses and for work.": (
        "Håndbøker, læremateriell og videoer til kurs og arbeid."
    ),
}
MATERIAL = {
    "What peer support workers do": "Hva erfaringskonsulenter gjør",
    "what-peer-support-workers-do": "hva-erfaringskonsulenter-gjor",
    "How lived experience becomes a resource at work.": "Hvordan egen erfaring blir en ressurs i arbeidet.",
    "Using your own experience": "Å bruke egen erfaring",
    "Peer support workers use <b>their own</b> experience of mental health problems and recovery.": (
        "Erfaringskonsulenter bruker <b>sin egen</b> erfaring med psykiske helseproblemer og bedring."
    ),
    "Hope was the first thing I was offered that I could use.": (
        "Håp var det første jeg fikk tilbud om som jeg kunne bruke."
    ),
    "A peer support worker": "En erfaringskonsulent",
    "Before you share your story": "Før du deler historien din",
    "Ask yourself whom the story is for.": "Spør deg selv hvem historien er til for.",
}
VIDEO = {
    "Stories of recovery": "Historier om bedring",
    "stories-of-recovery": "historier-om-bedring",
    "Three peer support workers on their first year at work.": (
        "Tre erfaringskonsulenter om sitt første år i arbeid."
    ),
    "Transcript.": "Transkripsjon.",
}


@pytest.fixture
def live_site(live_server, site, home) -> LiveSite:
    """The English site with its Norwegian translation, served by the live server.

    Home page, a Library section, a material page (heading, paragraph, quote,
    callout) and a video page with English and Norwegian captions, all
    translated into Norwegian Bokmål through wagtail-localize. Nothing else is
    translated, so a Danish reader falls back to Norwegian.
    """
    # Wagtail caches site root paths; page ids from an earlier test must not leak in.
    cache.clear()
    home.title = "Welcome to Nordpeer"
    home.introduction = (
        "Shared learning material for peer support workers in the Nordic and Baltic countries."
    )
    home = factories.publish(home)
    library = factories.make_section(
        home,
        "Library",
        introduction="Handbooks, material and videos for courses and for work.",
        show_in_menus=True,
    )
    material = factories.make_material(
        library,
        "What peer support workers do",
        summary="How lived experience becomes a resource at work.",
        body=[
            ("heading", {"text": "Using your own experience", "level": "h2"}),
            (
                "paragraph",
                "<p>Peer support workers use <b>their own</b> experience of mental health problems "
                "and recovery.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Hope was the first thing I was offered that I could use.",
                    "attribution": "A peer support worker",
                },
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Before you share your story",
                    "text": "<p>Ask yourself whom the story is for.</p>",
                },
            ),
        ],
    )
    video = factories.make_video(library, "Stories of recovery", captions=("en", "nb"))
    video.summary = "Three peer support workers on their first year at work."
    video = factories.publish(video)

    pages: dict[str, dict[str, Page]] = {}
    for kind, source, strings in [
        ("home", home, HOME),
        ("library", library, LIBRARY),
        ("material", material, MATERIAL),
        ("video", video, VIDEO),
    ]:
        pages[kind] = {"en": source, "nb": translate(source, "nb", strings)}
    return LiveSite(url=live_server.url, pages=pages)
