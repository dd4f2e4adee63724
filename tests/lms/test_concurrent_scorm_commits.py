"""Commits of one SCORM attempt, and statements about its lesson, at the same moment lose nothing.

The commit path locks the learner's progress row in the lesson (not the attempt row): every
write about that lesson then goes one at a time, each from what the one before it stored. Both
ways a commit takes the lock are tried: in a query of its own (a first commit, a player's asset
launch), and in the query that opens the attempt's token (a returning learner's commit in the view, on
PostgreSQL).
"""

from __future__ import annotations

import pytest
from django.db import transaction

from lms import scorm_attempt_token, scorm_runtime
from lms.models import LearningStatement, LessonProgress, ScormItemState
from lms.progress import record
from lms.statements import Verb
from tests.concurrency import run_together
from tests.lms_factories import statement
from tests.scorm_factories import cmi12, golf, open_attempt, scorm_lesson, session

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Row locks are PostgreSQL's; SQLite serialises writers.
    pytest.mark.postgres_only,
]

COMMITS = 10


def commit_opened_then_locked(attempt, session_id: str, cmi: dict) -> None:
    opened, lesson = scorm_attempt_token.open_attempt_token(scorm_attempt_token.attempt_token(attempt))
    scorm_runtime.commit(opened, lesson, None, session_id, cmi)


def commit_locked_with_the_attempt(attempt, session_id: str, cmi: dict) -> None:
    """As the commit view does."""
    with transaction.atomic():
        token = scorm_attempt_token.attempt_token(attempt)
        opened, lesson, locked = scorm_attempt_token.open_attempt_token_for_commit(token, lock=True)
        assert locked is not None  # the test's first commit has made the progress row
        scorm_runtime.commit(opened, lesson, None, session_id, cmi, locked=locked)


COMMIT_WAYS = pytest.mark.parametrize("commit", [commit_opened_then_locked, commit_locked_with_the_attempt])


@COMMIT_WAYS
def test_commits_of_one_attempt_in_two_sessions_at_once_are_all_kept(learner, course, commit):
    package = golf("1.2")
    lesson = scorm_lesson(course.modules[0], package)
    attempt = open_attempt(learner, lesson, package)
    sessions = [session(), session()]
    commit_opened_then_locked(attempt, sessions[0], cmi12(location="start"))  # the progress row made

    def commits(which: int):
        def job():
            # Each commit of a session reports the session's whole time so far: n seconds.
            for n in range(1, COMMITS + 1):
                commit(
                    attempt, sessions[which], cmi12(location=f"{which}.{n}", session_time=f"0000:00:{n:02d}")
                )

        return job

    assert run_together([commits(0), commits(1)]) == []
    state = ScormItemState.objects.get(attempt=attempt)
    assert state.commit_count == 2 * COMMITS + 1
    # Each session's time counted once: a lost update would count a session's seconds again or drop them.
    assert state.total_time_seconds == 2 * COMMITS
    assert sorted(state.cmi["sessions"].values()) == [COMMITS, COMMITS]
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.time_spent_seconds == 2 * COMMITS
    # Every commit moved the location: one PROGRESSED statement each.
    assert LearningStatement.objects.filter(user=learner, verb=Verb.PROGRESSED).count() == 2 * COMMITS + 1


@COMMIT_WAYS
def test_a_commit_and_statements_about_the_same_lesson_at_once_both_count(learner, course, commit):
    package = golf("1.2")
    lesson = scorm_lesson(course.modules[0], package)
    attempt = open_attempt(learner, lesson, package)
    run = session()
    commit_opened_then_locked(attempt, run, cmi12(location="start"))  # the progress row made

    def commits():
        for n in range(1, COMMITS + 1):
            commit(attempt, run, cmi12(location=str(n), session_time=f"0000:00:{n:02d}"))

    def visits():
        for _n in range(COMMITS):
            record(statement(learner, lesson, Verb.EXPERIENCED, duration_seconds=1))

    assert run_together([commits, visits]) == []
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    # The commits' ten seconds and the ten statements' one second each.
    assert progress.time_spent_seconds == 2 * COMMITS
    assert progress.activities["lesson"]["viewed"] is True
    assert progress.last_position == str(COMMITS)
