"""Each process answers anonymous readers from the pages it served last (website.pages_here):
without asking the shared cache within the window, and never with a page a change has replaced."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.utils import timezone

from tests import factories
from tests.website.test_page_cache import URL, fetch, soup
from website import page_cache, pages_here


@pytest.fixture
def material(home, translated_home, cache_on):
    return factories.make_material(home, "Peer work")


@pytest.fixture
def clock(monkeypatch):
    """The window's clock, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(pages_here, "_clock", lambda: now[0])
    return now


@pytest.fixture
def shared_reads(monkeypatch):
    """How many times a request asked the shared cache for a page."""
    reads = []
    cache = caches["pages"]
    original = cache.get_many

    def counted(keys, *args, **kwargs):
        reads.append(keys)
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted)
    return reads


@pytest.mark.django_db
def test_within_the_window_a_reader_gets_the_page_without_asking_the_shared_cache(
    client, material, clock, shared_reads
):
    first, status = fetch(client)
    assert status == "miss"
    shared_reads.clear()
    for _reader in range(3):
        again, status = fetch(client)
        assert (again.status_code, status) == (200, "hit")
        assert again.content == first.content
    assert shared_reads == []
    clock[0] += pages_here.GENERATION_RECHECK_SECONDS
    _response, status = fetch(client)
    assert status == "hit"
    assert len(shared_reads) == 1  # the generation read again, with the page


@pytest.mark.django_db
def test_a_change_made_in_another_process_is_seen_when_the_window_ends(client, material, clock, monkeypatch):
    fetch(client)
    assert fetch(client)[1] == "hit"
    # Published by another worker: the shared generation changes, this process is not told.
    with monkeypatch.context() as elsewhere:
        elsewhere.setattr(page_cache.pages_here, "forget", lambda: None)
        material.title = "Peer work, revised"
        factories.publish(material)
    response, status = fetch(client)
    assert status == "hit"  # within the window: the page as this process served it
    assert soup(response).select_one("main h1").get_text() == "Peer work"
    clock[0] += pages_here.GENERATION_RECHECK_SECONDS
    response, status = fetch(client)
    assert status == "miss"
    assert soup(response).select_one("main h1").get_text() == "Peer work, revised"


@pytest.mark.django_db
def test_a_page_is_kept_here_no_longer_than_the_shared_cache_keeps_it(client, material, clock):
    with time_machine.travel(timezone.now(), tick=False) as wall_clock:
        fetch(client)
        wall_clock.shift(timedelta(seconds=599))
        assert fetch(client)[1] == "hit"
        wall_clock.shift(timedelta(seconds=2))  # past PAGE_CACHE_SECONDS; the window has not moved
        _response, status = fetch(client)
    assert status == "miss"


def entry(generation: str, size: int) -> tuple:
    return (generation, 200, [], b"x" * size, float("inf"))


def test_the_least_recently_read_pages_go_first_when_the_memory_is_full():
    kept = pages_here.PagesHere(max_bytes=2400)
    kept.saw_generation("g")
    keys = [f"page-{number}" for number in range(9)]
    for key in keys[:8]:
        kept.keep(key, entry("g", 300))
    assert kept.page(keys[0], "g")  # read again: now the most recent
    kept.keep(keys[8], entry("g", 300))
    assert kept.page(keys[1], "g") is None
    assert all(kept.page(key, "g") for key in [keys[0], *keys[2:]])
    kept.keep("large", entry("g", 301))  # more than an eighth of the memory: never kept
    assert kept.page("large", "g") is None


def test_pages_of_another_generation_are_neither_kept_nor_given():
    kept = pages_here.PagesHere()
    kept.saw_generation("new")
    kept.keep("old", entry("old", 10))
    assert kept.page("old", "old") is None
    kept.keep("page", entry("new", 10))
    kept.saw_generation("newer")
    assert kept.page("page", "new") is None
    assert kept.page("page", "newer") is None


def test_a_reader_of_an_address_nobody_may_keep_is_never_answered_from_here(client, material, clock):
    # A signed-in reader: the lookup is skipped before this process's pages are asked.
    fetch(client)
    client.force_login(factories.make_user("kari"))
    response, status = fetch(client, URL)
    assert status is None
    assert b"Sign out" in response.content
