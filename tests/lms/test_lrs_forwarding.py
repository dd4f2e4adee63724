"""Forwarding to an external LRS: after commit, through django-tasks, retried, never in the way.

The LRS is a real HTTP server on a local socket that checks the xAPI version header,
basic auth and the statement id of every PUT.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from lms import lrs
from lms.models import LearningStatement, LessonProgress, PendingForward, ProgressStatus
from lms.progress import record
from lms.xapi import to_xapi
from tests.factories import make_user
from tests.factories_certificates import FakeLrs
from tests.lms_factories import statement


@pytest.fixture
def fake_lrs():
    server = FakeLrs().start()
    with override_settings(**server.settings()):
        yield server
    server.stop()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def record_and_commit(capture, event):
    with capture(execute=True):
        return record(event)


def test_a_new_statement_is_sent_once_its_transaction_commits(fake_lrs, learner, course, on_commit):
    event = statement(learner, course.lessons[0], duration_seconds=30)

    with on_commit(execute=False) as callbacks:
        record(event)
    assert fake_lrs.received == [], "nothing leaves before the commit"
    assert len(callbacks) == 1

    callbacks[0]()

    assert fake_lrs.stored() == [to_xapi(LearningStatement.objects.get(statement_id=event.id))]
    headers = fake_lrs.received[0]["headers"]
    assert headers["x-experience-api-version"] == "1.0.3"
    assert headers["authorization"].startswith("Basic ")
    assert PendingForward.objects.count() == 0


def test_a_repeated_statement_is_not_sent_again(fake_lrs, learner, course, on_commit):
    event = statement(learner, course.lessons[0])
    record_and_commit(on_commit, event)
    record_and_commit(on_commit, event)

    assert len(fake_lrs.received) == 1


def test_a_failing_lrs_does_not_stop_recording_and_the_retry_delivers(fake_lrs, learner, course, on_commit):
    fake_lrs.script = [503]
    event = statement(learner, course.lessons[0])

    outcome = record_and_commit(on_commit, event)

    assert outcome.new and outcome.progress.status == ProgressStatus.COMPLETED
    assert LearningStatement.objects.filter(statement_id=event.id).exists()
    pending = PendingForward.objects.get()
    assert pending.attempts == 1 and not pending.gave_up and "503" in pending.last_error
    assert timezone.now() + timedelta(seconds=50) < pending.next_attempt_at
    assert lrs.retry_due() == 0, "not due before its time"

    assert lrs.retry_due(now=timezone.now() + timedelta(minutes=2)) == 1

    assert [request["status"] for request in fake_lrs.received] == [503, 204]
    assert fake_lrs.stored()[0]["id"] == str(event.id)
    assert PendingForward.objects.count() == 0


def test_an_unreachable_lrs_leaves_the_statement_waiting(learner, course, on_commit):
    closed = FakeLrs().start()
    closed.stop()  # the port is free again: connections are refused
    with override_settings(**closed.settings()):
        event = statement(learner, course.lessons[0])
        record_and_commit(on_commit, event)

    assert LessonProgress.objects.get(user=learner).status == ProgressStatus.COMPLETED
    assert "could not be reached" in PendingForward.objects.get().last_error


def test_wrong_credentials_are_a_refusal_that_is_not_retried(fake_lrs, learner, course, on_commit):
    with override_settings(LRS_PASSWORD="wrong"):
        record_and_commit(on_commit, statement(learner, course.lessons[0]))

    pending = PendingForward.objects.get()
    assert pending.gave_up and "401" in pending.last_error
    assert lrs.retry_due(now=timezone.now() + timedelta(days=1)) == 0
    assert len(fake_lrs.received) == 1


def test_forwarding_gives_up_after_the_last_attempt(fake_lrs, learner, course, on_commit):
    fake_lrs.script = [500] * lrs.MAX_ATTEMPTS
    record_and_commit(on_commit, statement(learner, course.lessons[0]))
    later = timezone.now()
    for _attempt in range(lrs.MAX_ATTEMPTS - 1):
        later += timedelta(hours=7)
        assert lrs.retry_due(now=later) == 1

    pending = PendingForward.objects.get()
    assert pending.attempts == lrs.MAX_ATTEMPTS and pending.gave_up
    assert lrs.retry_due(now=later + timedelta(days=1)) == 0
    assert len(fake_lrs.received) == lrs.MAX_ATTEMPTS


def test_the_wait_doubles_up_to_six_hours():
    assert [lrs.next_delay(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert lrs.next_delay(20) == timedelta(hours=6)


def test_a_backend_that_can_defer_gets_the_retry_queued_for_later(fake_lrs, learner, course, on_commit):
    fake_lrs.script = [503]
    event = statement(learner, course.lessons[0])
    record(event)  # stored; sent below by the task itself
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        assert lrs.forward_statement.call(str(event.id)) is False

        queued = default_task_backend.results
        assert len(queued) == 1
        assert queued[0].args == [str(event.id)]
        assert queued[0].task.run_after == PendingForward.objects.get().next_attempt_at


def test_nothing_is_queued_without_an_lrs(learner, course, on_commit, settings):
    settings.LRS_ENDPOINT = ""
    with on_commit(execute=False) as callbacks:
        record(statement(learner, course.lessons[0]))

    assert callbacks == []


def test_a_statement_erased_before_it_is_sent_is_not_sent(fake_lrs, learner, course):
    event = statement(learner, course.lessons[0])
    record(event)
    LearningStatement.objects.filter(statement_id=event.id).delete()

    assert lrs.forward_statement.call(str(event.id)) is False
    assert fake_lrs.received == []


def test_the_command_retries_what_is_due(fake_lrs, learner, course, on_commit, capsys):
    fake_lrs.script = [502]
    record_and_commit(on_commit, statement(learner, course.lessons[0]))
    PendingForward.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))

    call_command("forward_statements")

    assert "Enqueued 1" in capsys.readouterr().out
    assert PendingForward.objects.count() == 0 and len(fake_lrs.stored()) == 1


def test_other_learners_statements_go_under_their_own_pseudonyms(fake_lrs, learner, course, on_commit):
    other = make_user("other")
    record_and_commit(on_commit, statement(learner, course.lessons[0]))
    record_and_commit(on_commit, statement(other, course.lessons[0]))

    names = {body["actor"]["account"]["name"] for body in fake_lrs.stored()}
    assert len(names) == 2
