"""Two posts for one learner at the same moment, in real concurrent PostgreSQL transactions, lose nothing."""

from __future__ import annotations

import uuid

import pytest

from lms.models import LearningStatement, LessonProgress
from lms.progress import record
from lms.statements import POSITION_EXTENSION, Verb
from tests.concurrency import run_together
from tests.lms_factories import statement

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Row locks are PostgreSQL's; SQLite serialises writers.
    pytest.mark.postgres_only,
]


def test_concurrent_statements_for_one_learner_all_count(learner, course):
    lesson = course.lessons[0]
    per_thread = 15

    def post_many(offset):
        def job():
            for n in range(per_thread):
                extensions = {POSITION_EXTENSION: str(offset + n)}
                record(statement(learner, lesson, Verb.PROGRESSED, duration_seconds=1, extensions=extensions))

        return job

    assert run_together([post_many(0), post_many(100)]) == []
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert LearningStatement.objects.filter(user=learner).count() == 2 * per_thread
    # A lost update would drop seconds: each statement adds one.
    assert progress.time_spent_seconds == 2 * per_thread


def test_the_same_statement_posted_twice_at_once_is_recorded_once(learner, course):
    lesson = course.lessons[0]
    twice = statement(learner, lesson, Verb.PROGRESSED, statement_id=uuid.uuid4(), duration_seconds=5)
    results = []
    errors = run_together([lambda: results.append(record(twice)), lambda: results.append(record(twice))])
    assert errors == []
    assert sorted(r.new for r in results) == [False, True]
    assert LearningStatement.objects.filter(statement_id=twice.id).count() == 1
    assert LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key).time_spent_seconds == 5
