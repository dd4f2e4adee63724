"""What each process keeps of the content per generation in front of the shared cache
(website.kept_content.for_generation): a copy per request, a new build for a new generation."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from website import kept_content, page_cache, pages_here

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds():
    kept_content._kept_here.clear()
    page_cache.new_generation()
    return []


def kept_menu(builds: list) -> list[dict]:
    def build():
        builds.append(1)
        return [{"title": "Peer work", "children": []}]

    return kept_content.for_generation("test-menu", (1,), build)


def test_each_request_gets_its_own_copy_to_change(builds):
    first = kept_menu(builds)
    first[0]["title"] = "Changed by one request"
    second, third = kept_menu(builds), kept_menu(builds)
    assert second == third == [{"title": "Peer work", "children": []}]
    assert second is not third
    assert len(builds) == 1


def test_a_new_generation_is_built_again_even_where_a_copy_was_kept(builds):
    kept_menu(builds)
    kept_menu(builds)
    page_cache.new_generation()
    kept_menu(builds)
    assert len(builds) == 2


def test_what_cannot_be_pickled_is_built_every_time(builds):
    def build():
        builds.append(1)
        return lambda: "a view"

    for _ in range(2):
        assert kept_content.for_generation("test-view", (), build)() == "a view"
    assert len(builds) == 2


def test_the_oldest_entries_leave_first():
    kept = kept_content._KeptHere(entries=2)
    for key in ("a", "b", "c"):
        kept.put(key, key.upper())
    assert kept.get("a") is None
    assert kept.get("b") is not None and kept.get("c") is not None


def test_what_is_asked_without_the_request_uses_the_generation_of_the_request_served(builds):
    request = RequestFactory().get("/en/")
    with kept_content.serving(request):
        kept_menu(builds)
        page_cache.new_generation()  # a publication during the request shows on the next one
        kept_menu(builds)
        assert len(builds) == 1
    kept_menu(builds)  # outside any request: the generation now
    assert len(builds) == 2


def test_a_generation_another_process_started_is_read_when_the_window_ends(builds, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(pages_here, "_clock", lambda: now[0])
    kept_menu(builds)
    # Another process changed a page: the shared generation is new, this process was not told.
    page_cache.page_cache().set(page_cache.GENERATION_KEY, "started-by-another-process", None)
    kept_menu(builds)
    assert len(builds) == 1  # within the window: the generation as this process read it
    now[0] += pages_here.GENERATION_RECHECK_SECONDS
    kept_menu(builds)
    assert len(builds) == 2
    assert kept_content.current_generation() == "started-by-another-process"
