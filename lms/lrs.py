"""Forwarding learning statements to an external LRS, when ``settings.LRS_ENDPOINT`` is set.

Each newly recorded statement is sent after its transaction commits, by a django-tasks
task, as ``PUT <endpoint>/statements?statementId=<id>``: xAPI makes that idempotent, so a
retry of something the LRS did receive does no harm. The learner's statement is stored
whatever the LRS does; forwarding can only ever be late.

A failed attempt leaves a ``PendingForward`` row with the time of the next attempt
(backing off from one minute up to six hours, ``MAX_ATTEMPTS`` in all). A task backend
that can defer (the database backend) gets the retry enqueued for that time; with the
immediate backend ``manage.py forward_statements`` (run it from cron) enqueues the due
retries. An LRS that refuses a statement outright (4xx) is not asked again.
"""

from __future__ import annotations

import base64
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from lms.models import LearningStatement, PendingForward
from lms.xapi import VERSION, to_xapi

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=6)
TIMEOUT_SECONDS = 10
#: Answers that mean "try again later"; any other 4xx means the LRS will never take it.
TRANSIENT_STATUSES = {408, 425, 429}


class LrsError(Exception):
    """The LRS did not store the statement; ``transient`` says whether trying again may help."""

    def __init__(self, message: str, transient: bool = True):
        super().__init__(message)
        self.transient = transient


def is_configured() -> bool:
    return bool(getattr(settings, "LRS_ENDPOINT", ""))


def forward_after_commit(statement_ids: list) -> None:
    """Send the statements ``statement_ids`` to the external LRS once their transaction commits."""
    if not is_configured() or not statement_ids:
        return
    ids = [str(statement_id) for statement_id in statement_ids]
    # One task per batch: with the database task backend every enqueue is a write in the request.
    # robust: a task queue that cannot be reached must not undo or fail the learner's request.
    transaction.on_commit(partial(_enqueue, ids), robust=True)


def _enqueue(ids: list[str]) -> None:
    if len(ids) == 1:
        forward_statement.enqueue(ids[0])
    else:
        forward_statements.enqueue(ids)


def send(statement: dict) -> None:
    """PUT one xAPI statement to the LRS; raises ``LrsError`` unless it is stored."""
    url = f"{settings.LRS_ENDPOINT.rstrip('/')}/statements?" + urllib.parse.urlencode(
        {"statementId": statement["id"]}
    )
    credentials = f"{settings.LRS_USERNAME}:{settings.LRS_PASSWORD}".encode()
    request = urllib.request.Request(  # noqa: S310 -- the URL is the operator's configured endpoint
        url,
        data=json.dumps(statement).encode(),
        method="PUT",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": VERSION,
            "Authorization": "Basic " + base64.b64encode(credentials).decode("ascii"),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace")
        transient = error.code >= 500 or error.code in TRANSIENT_STATUSES
        if error.code == 409:
            # The LRS holds a different statement under this id; asking again cannot change that.
            transient = False
        raise LrsError(f"The LRS answered {error.code}: {detail}", transient=transient) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise LrsError(f"The LRS could not be reached: {error}") from error


def next_delay(attempts: int) -> timedelta:
    """One minute after the first failure, doubling, at most six hours."""
    return min(FIRST_DELAY * 2 ** max(attempts - 1, 0), LONGEST_DELAY)


@task()
def forward_statement(statement_id: str) -> bool:
    """Send one stored statement; on failure note when to try again. True when the LRS took it."""
    stored = LearningStatement.objects.filter(statement_id=statement_id).first()
    if stored is None:
        return False  # erased since it was recorded: nothing to send, nothing to retry
    try:
        send(to_xapi(stored))
    except LrsError as error:
        _note_failure(stored, error)
        return False
    PendingForward.objects.filter(statement=stored).delete()
    return True


@task()
def forward_statements(statement_ids: list[str]) -> int:
    """Send several stored statements (one request's), each on its own; how many the LRS took."""
    return sum(forward_statement.call(statement_id) for statement_id in statement_ids)


def _note_failure(stored: LearningStatement, error: LrsError) -> PendingForward:
    now = timezone.now()
    with transaction.atomic():
        pending, _created = PendingForward.objects.select_for_update().get_or_create(
            statement=stored, defaults={"next_attempt_at": now}
        )
        pending.attempts += 1
        pending.last_error = str(error)[:2000]
        pending.gave_up = not error.transient or pending.attempts >= MAX_ATTEMPTS
        pending.next_attempt_at = now + next_delay(pending.attempts)
        pending.save()
    if pending.gave_up:
        logger.error(
            "Gave up forwarding statement %s to the LRS after %s attempts: %s",
            stored.statement_id,
            pending.attempts,
            error,
        )
        return pending
    logger.warning(
        "Forwarding statement %s to the LRS failed (attempt %s), trying again after %s: %s",
        stored.statement_id,
        pending.attempts,
        pending.next_attempt_at.isoformat(),
        error,
    )
    if forward_statement.get_backend().supports_defer:
        forward_statement.using(run_after=pending.next_attempt_at).enqueue(str(stored.statement_id))
    return pending


def retry_due(now: datetime | None = None) -> int:
    """Enqueue every forward whose next attempt is due; returns how many were enqueued."""
    if not is_configured():
        return 0
    due = PendingForward.objects.filter(gave_up=False, next_attempt_at__lte=now or timezone.now())
    statement_ids = list(due.values_list("statement__statement_id", flat=True))
    for statement_id in statement_ids:
        forward_statement.enqueue(str(statement_id))
    return len(statement_ids)
