"""The index follows publishing through the indexing task, and survives an engine that is down."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.apps import index_if_empty
from search.backends import SearchUnavailable
from search.backends.embedded import embedded_backend
from search.indexing import apply_pending, retry_delay
from search.models import IndexedDocument, PendingUpdate
from tests import factories


@pytest.fixture
def indexed(db):
    """``indexed()``: (language, title) of every document in the index; starts with an empty queue."""
    PendingUpdate.objects.all().delete()
    return lambda: sorted(IndexedDocument.objects.values_list("language", "title"))


def test_publishing_indexes_the_page(home, indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_material(home, "Boundaries")
    assert ("en", "Boundaries") in indexed()
    assert not PendingUpdate.objects.exists()


def test_a_translation_is_indexed_and_updates_its_siblings_languages(
    home, translated_home, indexed, translate_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.make_material(home, "Boundaries")
        translate_page(page, "sv", {"Boundaries": "Gränser"}, strict=False)
    assert ("sv", "Gränser") in indexed()
    assert set(IndexedDocument.objects.get(page_id=page.pk).languages.split()) == {"en", "sv"}


def test_unpublishing_and_deleting_remove_the_page(home, indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = factories.make_material(home, "First")
        second = factories.make_material(home, "Second")
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert ("en", "First") not in indexed()
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert ("en", "Second") not in indexed()


def test_moving_a_section_updates_the_urls_below_it(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        old = factories.make_section(home, "Old", slug="old")
        new = factories.make_section(home, "New", slug="new")
        page = factories.make_material(old, "Moved", slug="moved")
    assert IndexedDocument.objects.get(page_id=page.pk).url == "/en/old/moved/"
    with django_capture_on_commit_callbacks(execute=True):
        old.move(new, pos="last-child")
    row = IndexedDocument.objects.get(page_id=page.pk)
    assert (row.url, row.topic) == ("/en/new/old/moved/", str(old.translation_key))


def test_publishing_succeeds_when_the_engine_is_down_and_the_update_is_retried(
    home, indexed, django_capture_on_commit_callbacks
):
    indexed()
    down = mock.patch(
        "search.backends.embedded.EmbeddedBackend.replace_key",
        side_effect=SearchUnavailable("connection refused"),
    )
    with down, django_capture_on_commit_callbacks(execute=True):
        page = factories.make_material(home, "Published anyway")
    assert page.live
    pending = PendingUpdate.objects.get(translation_key=str(page.translation_key))
    assert (pending.attempts, pending.last_error) == (1, "connection refused")
    assert pending.next_attempt_at > timezone.now()
    assert ("en", "Published anyway") not in indexed()
    # Not due yet: nothing happens; once due, the retry gets through.
    assert apply_pending().done == 0
    report = apply_pending(now=timezone.now() + retry_delay(1) + timedelta(seconds=1))
    assert (report.done, report.failed, report.waiting) == (1, 0, 0)
    assert ("en", "Published anyway") in indexed()


def test_retry_delay_grows_and_is_capped():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(50) == timedelta(hours=1)


def test_a_page_that_fails_to_index_does_not_block_the_others(
    home, indexed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        bad = factories.make_material(home, "Bad")
        factories.make_material(home, "Good")
    real = embedded_backend().replace_key

    def flaky(key, documents):
        if key == str(bad.translation_key):
            raise ValueError("broken page")
        return real(key, documents)

    with mock.patch("search.backends.embedded.EmbeddedBackend.replace_key", side_effect=flaky):
        report = apply_pending()
    assert (report.done, report.failed) == (1, 1)
    assert indexed() == [("en", "Good")]


def test_reindex_command_rebuilds_with_a_progress_bar(home, indexed):
    factories.make_material(home, "One")
    factories.make_material(home, "Two")
    out = mock.MagicMock()
    call_command("search_reindex", stdout=out)
    written = "".join(str(call.args[0]) for call in out.write.call_args_list)
    assert "2/2 documents" in written and "Indexed 2 documents." in written
    assert indexed() == [("en", "One"), ("en", "Two")]
    assert not PendingUpdate.objects.exists()


def test_reindex_command_says_when_the_engine_is_down(home):
    from django.core.management.base import CommandError

    with (
        mock.patch("search.backends.embedded.EmbeddedBackend.rebuild", side_effect=SearchUnavailable("down")),
        pytest.raises(CommandError, match="unavailable, nothing changed"),
    ):
        call_command("search_reindex", stdout=mock.MagicMock())


def test_migrating_fills_an_empty_index_from_published_pages(home, indexed):
    factories.make_material(home, "Already there")
    index_if_empty(sender=None)
    assert ("en", "Already there") in indexed()
