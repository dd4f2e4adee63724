"""SCORM commits from 20 learners at once over HTTP on PostgreSQL: commits per second, latency, none lost.

Each learner's browser posts its commits one after another, as scorm-again does; the 20
learners post at the same time, each to the live server in its own thread (and so over its
own database connection). Afterwards every learner's stored CMI must be their last commit,
every commit counted, and the statements exactly those the commits call for.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.request
from urllib.error import HTTPError

import pytest
from django.core.cache import cache
from django.db import connection

from lms.models import LearningStatement, LessonProgress, ScormItemState
from lms.statements import Verb
from tests.factories import make_user
from tests.lms_factories import enrol, make_course
from tests.scorm_factories import (
    cmi12,
    commit_url,
    golf,
    open_attempt,
    scorm_lesson,
    session,
    session_cookie_header,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="measured on PostgreSQL, as in production"
    ),
]

LEARNERS = 20
COMMITS = 50


def commits_of(learner: int) -> list[dict]:
    """What one learner's SCO commits: a page further and a second longer each time, a pass at the end."""
    cmis = [
        cmi12(
            status="incomplete",
            location=str(n),
            session_time=f"0000:00:{n:02d}",
            suspend_data=f"{learner}:{n}",
        )
        for n in range(1, COMMITS)
    ]
    cmis.append(cmi12(status="passed", location=str(COMMITS), raw=80, session_time=f"0000:00:{COMMITS:02d}"))
    return cmis


def post(url: str, cmi: dict) -> float:
    """Seconds one commit took; the final commit's way (text/plain, as the beacon sends it)."""
    body = json.dumps({"cmi": cmi}).encode()
    headers = {"Content-Type": "text/plain;charset=UTF-8", "Cookie": session_cookie_header(url)}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (the live server)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (the live server)
            answer = json.loads(response.read())
    except HTTPError as error:
        raise AssertionError(f"{error.code}: {error.read()[:300]!r}") from None
    elapsed = time.perf_counter() - started
    assert answer["result"] is True, answer
    return elapsed


def test_20_learners_commit_at_once_and_nothing_is_lost(live_server, home):
    cache.clear()
    course = make_course(home, "Benchmark course", modules=1, lessons_per_module=0)
    package = golf("1.2")
    lesson = scorm_lesson(course.modules[0], package, title="Golf")
    learners = [make_user(f"bench{n:02}") for n in range(LEARNERS + 1)]
    urls = []
    for learner in learners:
        enrol(learner, course.page)
        attempt = open_attempt(learner, lesson, package)
        urls.append(live_server.url + commit_url(attempt, session_id=session()))
    connection.close()

    # One learner alone first: what a commit costs without company.
    alone = sorted(post(urls[LEARNERS], cmi) for cmi in commits_of(LEARNERS))
    print(f"\nOne learner alone: median {statistics.median(alone) * 1000:.1f} ms per commit")
    learners, urls = learners[:LEARNERS], urls[:LEARNERS]

    latencies: list[float] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(LEARNERS + 1)

    def learner_posts(index: int) -> None:
        try:
            barrier.wait()
            for cmi in commits_of(index):
                latencies.append(post(urls[index], cmi))
        except BaseException as error:  # collected and re-raised below
            errors.append(error)

    threads = [threading.Thread(target=learner_posts, args=(n,)) for n in range(LEARNERS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    assert errors == [], errors[:3]

    total = LEARNERS * COMMITS
    ordered = sorted(latencies)
    print(
        f"SCORM commits: {LEARNERS} learners × {COMMITS} commits = {total} in {wall:.2f} s "
        f"→ {total / wall:.0f} commits/s; latency median {statistics.median(ordered) * 1000:.1f} ms, "
        f"p95 {ordered[int(len(ordered) * 0.95)] * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms"
    )

    assert len(latencies) == total
    for index, learner in enumerate(learners):
        state = ScormItemState.objects.get(attempt__user=learner)
        assert state.cmi["cmi"] == commits_of(index)[-1], learner.username
        assert state.commit_count == COMMITS
        assert state.total_time_seconds == COMMITS
        progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
        assert (progress.status, progress.success) == ("completed", "passed")
        assert progress.best_score == pytest.approx(0.8)
        assert progress.time_spent_seconds == COMMITS
        assert progress.last_position == str(COMMITS)
        statements = LearningStatement.objects.filter(user=learner)
        # Every commit moved the page on: one PROGRESSED each, then COMPLETED and PASSED once.
        assert statements.filter(verb=Verb.PROGRESSED).count() == COMMITS
        assert sorted(statements.exclude(verb=Verb.PROGRESSED).values_list("verb", flat=True)) == sorted(
            [Verb.COMPLETED, Verb.PASSED]
        )
