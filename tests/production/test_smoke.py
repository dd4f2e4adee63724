"""The production smoke test: the `make serve` stack on PostgreSQL and Redis, used by Chromium.

``website.serve`` (what `make serve` runs) starts here as an operator starts it, with the
production settings and only the environment production reads: collectstatic, migrate, two
gunicorn workers and one task worker, on a free port of ours; the site is http://127.0.0.1:PORT,
its content origin http://localhost:PORT (the same server under another name). Redis is a
redis-server this test starts, so that it can stop it; the database is one of its own. Content is
built by ``tests.production.stack_data`` run against that database, never through the test's own
connection. Then learners use it in Chromium, an editor uploads a package in the admin, and the
operator-facing promises are checked: long-lived static files, the Norwegian 404 page, the sign-in
throttle across both workers, and /healthz/ failing once Redis is gone.

One test function, in steps: the stack is started once, and (under pytest-xdist) on one worker.
"""

from __future__ import annotations

import html
import json
import re
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connections
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import browser  # noqa: F401 (the session's Chromium, a fixture)
from tests.e2e.test_scorm import ASSESSMENT_PAGE, answer_the_assessment, frame_showing
from tests.production.conftest import Served, free_port, production_env, read_back, request, seed, start
from tests.production.redis_server import RedisServer

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.postgres,
    pytest.mark.postgres_only,
    # The served stack starts from a copy of the migrated test database (database_like_the_tests).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DATABASE = "nordpeer_smoke"
SCORM_UPLOAD = "scorm12-golf-runtime-basic-calls.zip"
#: Wrong passwords a person may type within a minute (website/settings/base.py).
SIGN_IN_FAILURES_ALLOWED = 10


def database_like_the_tests(name: str) -> str:
    """A new database on the test run's PostgreSQL server, copied from this run's migrated test database.

    ``make serve`` still runs ``migrate`` on it (with nothing left to do): migrating an empty
    database took a minute of this test, and tests/website/test_migrations.py covers migrating.
    """
    server = settings.DATABASES["default"]
    template = server["NAME"]
    options = {"host": server["HOST"] or "127.0.0.1", "port": server["PORT"] or 5432, "user": server["USER"]}
    connections.close_all()  # PostgreSQL copies a template only while nobody is connected to it.
    with psycopg.connect(dbname="postgres", autocommit=True, **options) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return f"postgres://{options['user']}@{options['host']}:{options['port']}/{name}"


class Steps:
    """How long each step took, printed at the end (`pytest -s` shows it)."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.times: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str):
        began = time.monotonic()
        yield
        self.times.append((name, time.monotonic() - began))

    def report(self) -> str:
        lines = [f"  {name:<40} {seconds:6.1f} s" for name, seconds in self.times]
        return "\n".join(["production smoke test:", *lines, f"  {'total':<40} {self.total():6.1f} s"])

    def total(self) -> float:
        return time.monotonic() - self.started


def tab(chromium, base_url: str):
    context = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}, base_url=base_url)
    context.set_default_timeout(20_000)
    return context, context.new_page()


def sign_in(page, username: str = "kari", password: str = "pw") -> None:  # noqa: S107 (the seed's)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def the_learning_flow(page, info: dict) -> None:
    """As tests/e2e/test_learning_flow.py: sign in to enrol, open a lesson, pass a knowledge check."""
    page.goto(info["starting_url"])
    page.get_by_role("link", name="Sign in to enrol").click()
    sign_in(page)
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_text("You are enrolled.")).to_be_visible()
    progress = page.locator("progress").first
    expect(progress).to_have_attribute("value", "0")
    page.get_by_role("link", name="Start the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.1")
    page.get_by_role("link", name="Next: Check your understanding").click()
    expect(progress).to_have_attribute("value", "50")
    page.get_by_label("Someone with lived experience").check()
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("Passed: 100 % right.").first).to_be_visible()
    expect(progress).to_have_attribute("value", "100")


def the_scorm_golf_flow(page, info: dict) -> None:
    """As tests/e2e/test_scorm.py: the SCORM 1.2 golf sample on the content origin, passed, resumed."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.goto(info["golf_lesson_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Golf explained")
    frame = page.locator("iframe.interactive__frame")
    assert frame.get_attribute("src").startswith(info["content_origin"] + "/content/")
    sco = page.frame_locator("iframe.interactive__frame").frame_locator("#scorm-content")
    next_page = sco.get_by_role("button", name="Next ->")
    expect(next_page).to_be_enabled()
    for _page in range(ASSESSMENT_PAGE):
        next_page.click()
    assessment = frame_showing(page, "assessmenttemplate.html")
    # Its 15 questions come from four scripts that may still be loading when the address shows.
    answer_the_assessment(assessment)
    status = page.locator(".interactive__status")
    # scorm-again commits a few seconds after the SCO's last value; the status follows the commit.
    expect(status).to_contain_text("Passed.", timeout=30_000)
    expect(status).to_contain_text("Score: 80 %.")
    # Leaving sends the final beacon; back in the lesson the sample offers to resume, and does.
    page.goto("about:blank")
    page.wait_for_timeout(1_000)
    dialogs.clear()
    page.goto(info["golf_lesson_url"])
    assessment = frame_showing(page, "assessmenttemplate.html")
    expect(assessment.get_by_role("button", name="Submit Answers")).to_be_visible()
    assert dialogs == ["Would you like to resume from where you previously left off?"]


def the_h5p_flow(page, info: dict) -> None:
    """As tests/e2e/test_h5p.py: the H5P True/False answered on the content origin."""
    page.goto(info["h5p_lesson_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("True or false")
    player = page.frame_locator("iframe.interactive__frame")
    player.get_by_role("radio", name="False").click()
    player.get_by_role("button", name="Check").click()
    expect(player.get_by_text("Correct answer").first).to_be_attached()
    status = page.locator(".interactive__status")
    expect(status).to_contain_text("Passed.")
    expect(status).to_contain_text("Score: 100 %.")


def upload_in_the_admin(page, title: str) -> None:
    page.goto("/admin/login/")
    page.locator("[name=username]").fill("editor")
    page.locator("[name=password]").fill("pw")
    page.locator("form [type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/snippets/lms/interactivepackage/add/")
    page.locator("[name=title]").fill(title)
    page.locator("[name=language]").select_option("en")
    page.locator("[name=upload]").set_input_files(str(Path(settings.TESTDATA_DIR) / SCORM_UPLOAD))
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(title).first).to_be_visible()


def checked_by_the_worker(stack: Served, seeded: Path, title: str, seconds: float = 60) -> dict:
    """Wait for the package to be ready; the task result that checked it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        stored = read_back(stack.env, seeded)
        if stored["packages"].get(title) not in (None, "checking", "uploaded"):
            break
        time.sleep(1)
    assert stored["packages"].get(title) == "ready", stored["packages"]
    return stored


def worker_id_of(log: str) -> str:
    match = re.search(r"worker id ([^;\s]+)", log)
    assert match, log[-2000:]
    return match.group(1)


def csrf_form(port: int, path: str) -> tuple[str, str]:
    """The CSRF cookie and form token of the page at ``path``."""
    status, headers, body = request(port, "GET", path, host=f"127.0.0.1:{port}")
    assert status == 200, body[:300]
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", "")).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    return cookie, token


def wrong_password(port: int, username: str) -> tuple[int, str]:
    cookie, token = csrf_form(port, "/en/account/login/")
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": "wrong"})
    status, _headers, body = request(
        port, "POST", "/en/account/login/", host=f"127.0.0.1:{port}", body=form.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
                 "Origin": f"http://127.0.0.1:{port}"},
    )  # fmt: skip
    return status, html.unescape(body.decode())


def serving_pids(log: str, path: str) -> set[str]:
    return set(re.findall(rf'"POST {re.escape(path)} HTTP/1.1" \d+ .* pid=<(\d+)>', log))


def test_the_served_stack_works_for_learners_editors_and_operators(browser, tmp_path):  # noqa: F811
    steps = Steps()
    with steps.step("redis-server and a fresh database"):
        port = free_port()
        redis = RedisServer(tmp_path, port=free_port(avoid=(port,))).start()
        database_url = database_like_the_tests(DATABASE)
    env = production_env(tmp_path, port, database_url, REDIS_URL=redis.url, WEB_CONCURRENCY="2")
    site, content = f"http://127.0.0.1:{port}", f"http://localhost:{port}"
    try:
        with steps.step("make serve: collectstatic, migrate, start"):
            stack = start(env, ["-m", "website.serve"], tmp_path / "serve.log", port, ready_within=300)
        try:
            with steps.step("content through stack_data"):
                seeded = tmp_path / "seed.json"
                info = seed(env, seeded, learners=0)
            assert info["content_origin"] == content
            log = stack.output()
            assert log.count("Booting worker") == 2, log[-3000:]
            assert "serve: worker started" in log, log[-3000:]

            with steps.step("static files: hashed, compressed, a year"):
                the_static_files_last_a_year(port, site)
            with steps.step("the Norwegian 404 page"):
                a_missing_norwegian_page_is_the_norwegian_404(port)

            with steps.step("learner: enrol and a knowledge check"):
                context, page = tab(browser, site)
                the_learning_flow(page, info)
            with steps.step("learner: SCORM 1.2 golf, passed and resumed"):
                the_scorm_golf_flow(page, info)
            with steps.step("learner: H5P True/False"):
                the_h5p_flow(page, info)
                context.close()
            stored = read_back(env, seeded)
            progress = stored["kari_progress"]
            assert progress[info["check_lesson_key"]]["status"] == "completed"
            golf = progress[info["golf_lesson_key"]]
            assert (golf["success"], golf["best_score"]) == ("passed", pytest.approx(0.8))
            assert progress[info["h5p_lesson_key"]]["success"] == "passed"

            with steps.step("editor: upload, checked by the worker"):
                context, page = tab(browser, site)
                upload_in_the_admin(page, "Golf uploaded in the smoke test")
                context.close()
                stored = checked_by_the_worker(stack, seeded, "Golf uploaded in the smoke test")
            checks = [task for task in stored["tasks"] if task["task_path"].endswith("check_package_task")]
            assert checks, stored["tasks"]
            # In the task worker's database row, claimed by the worker `make serve` started: with
            # tasks run in the request there would be no row, and a web process has no worker id.
            assert checks[-1]["status"] == "SUCCESSFUL", checks[-1]
            assert checks[-1]["worker_ids"] == [worker_id_of(stack.output())], checks[-1]

            with steps.step("sign-in throttle across both workers"):
                the_eleventh_wrong_password_is_refused(port, stack)

            with steps.step("/healthz/ with and without Redis"):
                status, _headers, body = request(port, "GET", "/healthz/", host=f"127.0.0.1:{port}")
                assert status == 200, body
                assert all(value == "ok" for value in json.loads(body)["checks"].values()), body
                redis.stop()
                status, _headers, body = request(port, "GET", "/healthz/", host=f"127.0.0.1:{port}")
                assert status == 503, body
                assert json.loads(body)["checks"]["cache"] != "ok", body
        finally:
            code = stack.stop()
        assert code == 0, stack.output()[-3000:]
    finally:
        redis.stop()
    print("\n" + steps.report())
    assert steps.total() < 300, steps.report()


def the_static_files_last_a_year(port: int, site: str) -> None:
    status, _headers, body = request(port, "GET", "/en/", host=f"127.0.0.1:{port}")
    assert status == 200, body[:500]
    stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "no hashed stylesheet in the home page"
    path = stylesheet.group(1).decode()
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        status, headers, _body = request(port, "GET", path, host=host, headers={"Accept-Encoding": "gzip"})
        assert status == 200, (host, path)
        max_age = int(re.search(r"max-age=(\d+)", headers["cache-control"]).group(1))
        assert max_age >= 31_536_000, (host, headers["cache-control"])
        assert headers.get("content-encoding") == "gzip", (host, headers)


def a_missing_norwegian_page_is_the_norwegian_404(port: int) -> None:
    status, _headers, body = request(port, "GET", "/nb/finnes-ikke/", host=f"127.0.0.1:{port}")
    text = html.unescape(body.decode())
    with translation.override("nb"):
        heading = translation.gettext("Page not found")
    assert status == 404
    assert heading != "Page not found" and f"<h1>{heading}</h1>" in text, text[:800]
    assert re.search(r'<html[^>]* lang="nb"', text), text[:300]


def the_eleventh_wrong_password_is_refused(port: int, stack: Served) -> None:
    # Ten at once: sync workers take one request each, so both workers count failures.
    with ThreadPoolExecutor(SIGN_IN_FAILURES_ALLOWED) as pool:
        answers = list(pool.map(lambda _n: wrong_password(port, "kari"), range(SIGN_IN_FAILURES_ALLOWED)))
    assert [status for status, _text in answers] == [200] * SIGN_IN_FAILURES_ALLOWED, answers
    assert len(serving_pids(stack.output(), "/en/account/login/")) == 2, "one worker served every attempt"
    status, text = wrong_password(port, "kari")
    assert status == 429, text[:500]
    assert "Too many attempts. For your security, please wait 1 minute and try again." in text
