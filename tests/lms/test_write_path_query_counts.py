"""The learner's write paths cost a fixed number of queries: a SCORM commit, a batch of statements.

Counted without transaction control (BEGIN, COMMIT, savepoints), which differs between a test's
transaction and a served request. The same count with more learners, more SCOs in the package,
more statements in a batch: nothing is asked once per row.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lms.models import LearningStatement, LessonProgress, ScormItemState
from lms.statements import POSITION_EXTENSION, Verb
from tests.factories import make_user
from tests.factories_api import bearer, post_json, token_for, xapi
from tests.lms_factories import enrol
from tests.scorm_factories import (
    cmi12,
    commit_url,
    golf,
    multi_sco_package,
    open_attempt,
    post_commit,
    scorm_lesson,
    session,
)

pytestmark = pytest.mark.postgres

#: A returning learner's commit: the attempt (with whether its learner is active and enrolled; the
#: lesson, its course and the package are kept per content generation) in the query that locks the
#: learner's progress row (read with where the enrolment's Continue points), the item states (read
#: under that lock), the item state written, the statements inserted, the progress written. Continue
#: already pointing at the lesson is not written again within the quiet period. The item states
#: cannot be read in the lock's own query: PostgreSQL reads the rest of a statement that waited for
#: a row lock as it was when the statement began, so a commit that waited lost the one before it
#: (tests/lms/test_concurrent_scorm_commits.py caught it).
COMMIT_QUERIES = 5
#: On SQLite the attempt is opened before the commit's transaction, which holds the whole database
#: from its start (lms.content.scorm_views.commit): one query more, and a shorter hold.
COMMIT_QUERIES_SQLITE = 6
#: The token, the lessons (one query each), ids taken by others, the progress locked, the statements
#: inserted, the progress written.
STATEMENTS_QUERIES = 6
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def commit_queries_expected() -> int:
    return COMMIT_QUERIES if connection.features.has_select_for_update else COMMIT_QUERIES_SQLITE


def counted(call) -> tuple[object, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    sql = [query["sql"] for query in captured.captured_queries]
    return response, [text for text in sql if not text.lstrip().upper().startswith(TRANSACTION_CONTROL)]


def commit_queries(url: str, page: int, item: str | None = None) -> list[str]:
    if item:
        url = f"{url}&item={item}"
    cmi = cmi12(location=str(page), session_time=f"0000:00:{page:02d}", suspend_data=f"page {page}")
    response, sql = counted(lambda: post_commit(url, cmi))
    assert response.status_code == 200, response.content
    assert response.json()["recorded"] == 1  # a PROGRESSED statement each time: the page moved on
    return sql


def test_a_commit_costs_the_same_few_queries_however_many_learners_commit(course, learner):
    package = golf("1.2")
    lesson = scorm_lesson(course.modules[0], package)
    url = commit_url(open_attempt(learner, lesson, package), session_id=session())
    commit_queries(url, 1)  # the first commit makes the item state and the progress row
    few = commit_queries(url, 2)
    for number in range(10):
        other = make_user(f"other{number}")
        enrol(other, course.page)
        commit_queries(commit_url(open_attempt(other, lesson, package), session_id=session()), 1)
    many = commit_queries(url, 3)
    assert len(few) == commit_queries_expected(), "\n".join(few)
    assert len(many) == commit_queries_expected(), "\n".join(many)
    state = ScormItemState.objects.get(attempt__user=learner)
    assert (state.commit_count, state.location, state.total_time_seconds) == (3, "3", 3)
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert (progress.last_position, progress.time_spent_seconds) == ("3", 3)


def test_a_commit_costs_the_same_in_a_package_of_several_scos(course, learner):
    package = multi_sco_package()
    lesson = scorm_lesson(course.modules[0], package)
    url = commit_url(open_attempt(learner, lesson, package), session_id=session())
    for page, item in enumerate(("sco_listen", "sco_share", "sco_quiz"), start=1):
        commit_queries(url, page, item)
    again = commit_queries(url, 4, "sco_share")
    assert len(again) == commit_queries_expected(), "\n".join(again)
    assert ScormItemState.objects.filter(attempt__user=learner).count() == 3


def statements_queries(secret: str, lesson, count: int, start: int) -> list[str]:
    def one(n):
        return xapi(lesson, Verb.PROGRESSED, result={"extensions": {POSITION_EXTENSION: str(n)}})

    body = [one(start + n) for n in range(count)] if count > 1 else one(start)
    response, sql = counted(lambda: post_json(Client(), body, **bearer(secret)))
    assert response.status_code == 200, response.content
    assert len(response.json()["stored"]) == count
    return sql


def test_a_batch_of_statements_costs_what_one_statement_costs(course, learner):
    lesson = course.lessons[0]
    secret = token_for(learner)
    statements_queries(secret, lesson, 1, 0)  # makes the progress row, touches the token's last use
    one = statements_queries(secret, lesson, 1, 1)
    ten = statements_queries(secret, lesson, 10, 2)
    fifty = statements_queries(secret, lesson, 50, 12)
    assert len(one) == STATEMENTS_QUERIES, "\n".join(one)
    assert len(ten) == STATEMENTS_QUERIES, "\n".join(ten)
    assert len(fifty) == STATEMENTS_QUERIES, "\n".join(fifty)
    assert LearningStatement.objects.filter(user=learner).count() == 62
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.last_position == "61"
