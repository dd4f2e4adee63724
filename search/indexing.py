"""Keeping the index in step with publishing, through a queue that survives an engine being down.

Publishing, unpublishing, moving or deleting a page records a ``PendingUpdate`` for its
translation key in the same transaction; once that commits, an indexing task brings the
index entries of every language of that key up to date with the database (so updates are
idempotent and their order does not matter). If the engine cannot be reached, publishing has
already succeeded; the update stays queued with a growing delay and is retried by the next
indexing task, by ``manage.py search_reindex --pending``, or, where the task backend can
defer tasks (the database backend with its worker), by a task scheduled for that time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from search.backends import SearchBackend, SearchUnavailable, get_backend
from search.backends.base import Progress
from search.documents import all_documents, documents_for_key
from search.models import PendingUpdate

logger = logging.getLogger(__name__)

#: Delay before the first retry; doubled after each failure, up to MAX_RETRY_DELAY.
FIRST_RETRY_DELAY = timedelta(seconds=30)
MAX_RETRY_DELAY = timedelta(hours=1)
#: Updates applied per task run; the rest wait for the next run.
BATCH = 500


def retry_delay(attempts: int) -> timedelta:
    return min(MAX_RETRY_DELAY, FIRST_RETRY_DELAY * 2 ** min(max(0, attempts - 1), 16))


def request_update(translation_keys: Iterable[str]) -> None:
    """Queue the index update of these keys; the indexing task runs once the transaction commits."""
    keys = sorted({str(k) for k in translation_keys if k})
    if not keys:
        return
    now = timezone.now()
    PendingUpdate.objects.bulk_create(
        [PendingUpdate(translation_key=k, requested_at=now, next_attempt_at=now) for k in keys],
        update_conflicts=True,
        unique_fields=["translation_key"],
        update_fields=["requested_at", "next_attempt_at"],
    )
    transaction.on_commit(enqueue_indexing)


def enqueue_indexing(run_after: datetime | None = None) -> None:
    """Start the indexing task now, or at ``run_after`` where the task backend can defer tasks."""
    from search.tasks import apply_pending_updates

    if run_after is None:
        apply_pending_updates.enqueue()
    elif apply_pending_updates.get_backend().supports_defer:
        apply_pending_updates.using(run_after=run_after).enqueue()
    else:
        logger.info("Search updates wait for the next indexing task or `search_reindex --pending`.")


@dataclass
class ApplyReport:
    done: int = 0
    failed: int = 0
    waiting: int = 0


def _postpone(row: PendingUpdate, error: Exception, now: datetime) -> datetime:
    row.attempts += 1
    row.next_attempt_at = now + retry_delay(row.attempts)
    row.last_error = str(error)[:2000]
    PendingUpdate.objects.filter(pk=row.pk, requested_at=row.requested_at).update(
        attempts=row.attempts, next_attempt_at=row.next_attempt_at, last_error=row.last_error
    )
    return row.next_attempt_at


def apply_pending(backend: SearchBackend | None = None, now: datetime | None = None) -> ApplyReport:
    """Apply the queued updates that are due. An unreachable engine stops the run and reschedules it."""
    backend = backend or get_backend()
    now = now or timezone.now()
    report = ApplyReport()
    due = list(PendingUpdate.objects.filter(next_attempt_at__lte=now).order_by("next_attempt_at")[:BATCH])
    for row in due:
        try:
            backend.replace_key(row.translation_key, documents_for_key(row.translation_key))
        except SearchUnavailable as error:
            retry_at = _postpone(row, error, now)
            report.failed += 1
            logger.warning("Search engine unavailable; index updates retried from %s: %s", retry_at, error)
            enqueue_indexing(run_after=retry_at)
            break  # the engine is down: the other updates wait too, instead of failing one by one
        except Exception as error:
            # One page that cannot be indexed must not block the others; it is retried later, and logged.
            _postpone(row, error, now)
            report.failed += 1
            logger.exception("Could not index translation key %s", row.translation_key)
        else:
            # Only if nobody asked again meanwhile; otherwise the newer request stays queued.
            PendingUpdate.objects.filter(pk=row.pk, requested_at=row.requested_at).delete()
            report.done += 1
    report.waiting = PendingUpdate.objects.count()
    return report


def reindex_all(backend: SearchBackend | None = None, progress: Progress | None = None) -> int:
    """Rebuild the whole index from the live pages; queued updates older than the rebuild are done."""
    backend = backend or get_backend()
    started = timezone.now()
    written = backend.rebuild(all_documents(), progress)
    PendingUpdate.objects.filter(requested_at__lte=started).delete()
    logger.info("Search index rebuilt on %s: %d documents.", backend.name, written)
    return written
