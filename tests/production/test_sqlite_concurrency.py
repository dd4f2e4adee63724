"""The embedded default under concurrency: two gunicorn workers on one SQLite file lose nothing.

Before WAL, BEGIN IMMEDIATE and a busy timeout (website/settings/base.py), 38 % of SCORM commits
and a third of statement posts failed here with "database is locked" (issue 12). Twenty learners
commit at once, three rounds, then post statements at once, three rounds; every answer must be a
success and the database must hold every last value and every statement.
"""

from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.production.conftest import (
    copy_test_database,
    free_port,
    production_env,
    read_back,
    request,
    seed,
    start,
)
from tests.scorm_factories import cmi12

pytestmark = pytest.mark.skipif(
    "connection.vendor != 'sqlite'", reason="about SQLite, the embedded default: the SQLite run covers it"
)

LEARNERS = 20
ROUNDS = 3
ADL = "http://adlnet.gov/expapi/verbs/"
POSITION = "https://nordpeer.eu/xapi/extensions/position"


def at_once(work, count: int) -> list:
    """Run ``work(i)`` for every i in ``count`` threads released together; their results."""
    barrier = threading.Barrier(count)

    def released(i: int):
        barrier.wait()
        return work(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(released, range(count)))


def commit(port: int, content_host: str, learner: dict, round_: int) -> tuple[int, bytes]:
    cmi = cmi12(
        location=f"page-{round_}",
        session_time="0000:00:05",
        # A kilobyte of suspend data, as the bench's sessions carry, different every round.
        suspend_data=f"{learner['username']}:{round_}:" + "x" * 1024,
    )
    status, _headers, body = request(
        port, "POST", learner["commit_path"], host=content_host,
        body=json.dumps({"cmi": cmi}).encode(),
        headers={"Content-Type": "application/json;charset=UTF-8", "Cookie": learner["commit_cookie"]},
    )  # fmt: skip
    return status, body


def post_statement(port: int, info: dict, learner: dict, statement_id: str, position: int):
    statement = {
        "id": statement_id,
        "verb": {"id": ADL + "progressed"},
        "object": {"id": f"{info['base_url']}/xapi/lessons/{info['reading_lesson_key']}"},
        "result": {"extensions": {POSITION: str(position)}},
    }
    headers = {"Authorization": f"Bearer {learner['token']}", "Content-Type": "application/json"}
    status, _headers, body = request(
        port, "POST", "/api/lms/statements", host=f"127.0.0.1:{port}",
        body=json.dumps(statement).encode(), headers=headers,
    )  # fmt: skip
    return status, body


# The served stack starts from a copy of the migrated test database, taken outside any transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_on_one_sqlite_file_queue_parallel_writes_and_lose_none(tmp_path):
    assert connection.vendor == "sqlite"
    port = free_port()
    database_url = copy_test_database(tmp_path / "db.sqlite3")
    env = production_env(tmp_path, port, database_url, WEB_CONCURRENCY="2")
    info = seed(env, tmp_path / "seed.json", learners=LEARNERS)
    learners = info["learners"]
    content_host = f"localhost:{port}"
    gunicorn = ["-m", "gunicorn", "--config", "website/gunicorn.conf.py"]
    server = start(env, gunicorn, tmp_path / "gunicorn.log", port)
    try:
        assert server.output().count("Booting worker") == 2, server.output()
        failures = []
        for round_ in range(1, ROUNDS + 1):
            answers = at_once(lambda i, r=round_: commit(port, content_host, learners[i], r), LEARNERS)
            failures += [(status, body[:200]) for status, body in answers if status != 200]
            assert all(json.loads(body).get("result") is True for status, body in answers if status == 200)
        sent: dict[str, list[str]] = {learner["username"]: [] for learner in learners}
        for round_ in range(1, ROUNDS + 1):
            ids = [str(uuid.uuid4()) for _learner in learners]
            answers = at_once(
                lambda i, r=round_, ids=ids: post_statement(port, info, learners[i], ids[i], r), LEARNERS
            )
            failures += [(status, body[:200]) for status, body in answers if status != 200]
            for learner, statement_id in zip(learners, ids, strict=True):
                sent[learner["username"]].append(statement_id)
    finally:
        server.stop()
    log = server.output()
    assert failures == [], f"{len(failures)} of {2 * LEARNERS * ROUNDS} requests failed: {failures[:3]}"
    assert "database is locked" not in log

    stored = read_back(env, tmp_path / "seed.json")
    for learner in learners:
        state = stored["states"][str(learner["attempt"])]
        assert state["commit_count"] == ROUNDS, (learner["username"], state)
        assert state["location"] == f"page-{ROUNDS}"
        assert state["suspend_data"] == f"{learner['username']}:{ROUNDS}:" + "x" * 1024
        assert state["total_time_seconds"] == pytest.approx(5)
    every_sent = {statement_id for ids in sent.values() for statement_id in ids}
    assert len(every_sent) == LEARNERS * ROUNDS
    assert every_sent <= set(stored["statement_ids"])
