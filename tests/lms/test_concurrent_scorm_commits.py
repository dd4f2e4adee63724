"""Commits of one SCORM attempt, and statements about its lesson, at the same moment lose nothing.

The commit path locks the learner's progress row in the lesson (not the attempt row): every
write about that lesson then goes one at a time, each from what the one before it stored.
"""

from __future__ import annotations

import pytest

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


def test_commits_of_one_attempt_in_two_sessions_at_once_are_all_kept(learner, course):
    package = golf("1.2")
    lesson = scorm_lesson(course.modules[0], package)
    attempt = open_attempt(learner, lesson, package)
    sessions = [session(), session()]

    def commits(which: int):
        def job():
            # Each commit of a session reports the session's whole time so far: n seconds.
            for n in range(1, COMMITS + 1):
                opened, opened_lesson = scorm_attempt_token.open_attempt_token(
                    scorm_attempt_token.attempt_token(attempt)
                )
                cmi = cmi12(location=f"{which}.{n}", session_time=f"0000:00:{n:02d}")
                scorm_runtime.commit(opened, opened_lesson, None, sessions[which], cmi)

        return job

    assert run_together([commits(0), commits(1)]) == []
    state = ScormItemState.objects.get(attempt=attempt)
    assert state.commit_count == 2 * COMMITS
    # Each session's time counted once: a lost update would count a session's seconds again or drop them.
    assert state.total_time_seconds == 2 * COMMITS
    assert sorted(state.cmi["sessions"].values()) == [COMMITS, COMMITS]
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.time_spent_seconds == 2 * COMMITS
    # Every commit moved the location: one PROGRESSED statement each.
    assert LearningStatement.objects.filter(user=learner, verb=Verb.PROGRESSED).count() == 2 * COMMITS


def test_a_commit_and_statements_about_the_same_lesson_at_once_both_count(learner, course):
    package = golf("1.2")
    lesson = scorm_lesson(course.modules[0], package)
    attempt = open_attempt(learner, lesson, package)
    run = session()

    def commits():
        for n in range(1, COMMITS + 1):
            opened, opened_lesson = scorm_attempt_token.open_attempt_token(
                scorm_attempt_token.attempt_token(attempt)
            )
            cmi = cmi12(location=str(n), session_time=f"0000:00:{n:02d}")
            scorm_runtime.commit(opened, opened_lesson, None, run, cmi)

    def visits():
        for _n in range(COMMITS):
            record(statement(learner, lesson, Verb.EXPERIENCED, duration_seconds=1))

    assert run_together([commits, visits]) == []
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    # The commits' ten seconds and the ten statements' one second each.
    assert progress.time_spent_seconds == 2 * COMMITS
    assert progress.activities["lesson"]["viewed"] is True
    assert progress.last_position == str(COMMITS)
