"""A learner answers the real H5P True/False in a lesson: the lesson is completed with its score,
and the answer is still there after a reload. Once in a sandboxed frame, once on a content origin."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms.models import H5PUserState, LessonPage, LessonProgress
from tests.content_factories import H5P_TEST, ingest, interactive_lesson
from tests.factories import make_user
from tests.lms_factories import enrol, make_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Is this false?"


@pytest.fixture(params=["sandbox", "content-origin"])
def mode(request, live_server, settings):
    """Sandbox: the site serves content itself. Content origin: the same live server under another name."""
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}" if request.param == "content-origin" else ""
    return request.param


@pytest.fixture
def lesson(mode, home):
    cache.clear()
    course = make_course(home, "Answering questions", modules=1, lessons_per_module=0)
    package = ingest(H5P_TEST, title=TITLE)
    lesson = interactive_lesson(
        course.modules[0], package, "True or false", completion_rule="interactive_passed"
    )
    return LessonPage.objects.get(pk=lesson.pk)


def site_url(path: str) -> str:
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL + path


def wait_for(page, condition, seconds: float = 15) -> bool:
    """Poll the database while letting the browser (and Playwright's event handlers) run."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(200)
    return False


def test_answering_the_h5p_true_false_completes_the_lesson_with_its_score(page, lesson, mode):
    learner = make_user("kari")
    course = lesson.get_parent().get_parent()
    enrol(learner, course)
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    state_requests: list[str] = []
    page.on("request", lambda request: "/user-data" in request.url and state_requests.append(request.method))

    page.goto(site_url(lesson.url))
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("True or false")

    frame = page.locator("iframe.interactive__frame")
    expect(frame).to_have_attribute("title", TITLE)
    sandbox = frame.get_attribute("sandbox")
    assert ("allow-same-origin" in sandbox) is (mode == "content-origin")
    if mode == "content-origin":
        assert frame.get_attribute("src").startswith("http://127.0.0.1:")

    player = page.frame_locator("iframe.interactive__frame")
    expect(player.get_by_role("radio", name="False")).to_be_visible()
    # The content cannot act as the site: no way to the API, no cookies.
    content = next(frame for frame in page.frames if "/h5p/" in frame.url)
    reach_api = "url => fetch(url, {credentials: 'include'}).then(r => r.status, () => 'blocked')"
    assert content.evaluate(reach_api, site_url("/api/lms/progress")) == "blocked"
    assert content.evaluate(
        "() => { try { return document.cookie; } catch (e) { return 'no cookies'; } }"
    ) in ("", "no cookies")
    player.get_by_role("radio", name="False").click()
    player.get_by_role("button", name="Check").click()
    expect(player.get_by_text("Correct answer").first).to_be_attached()

    status = page.locator(".interactive__status")
    expect(status).to_contain_text("Passed.")
    expect(status).to_contain_text("Score: 100 %.")
    expect(status).to_contain_text("You have completed this lesson.")

    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.status == "completed" and progress.success == "passed"
    assert progress.best_score == 1.0
    [activity] = lesson.activity_ids("interactive")
    assert progress.activities[activity]["completed"] and progress.activities[activity]["best_score"] == 1.0
    # Only the exercise as a whole was recorded, never its parts.
    assert set(progress.activities) == {"lesson", activity}

    # H5P saves its state every few seconds; then a reload restores the answer.
    assert wait_for(page, lambda: H5PUserState.objects.filter(user=learner, data_type="state").exists())
    saved = H5PUserState.objects.get(user=learner, data_type="state")
    assert "answer" in saved.data
    # Saved by H5P's own POST: its event comes from the frame's process, possibly after the row.
    assert wait_for(page, lambda: "POST" in state_requests)
    page.reload()
    player = page.frame_locator("iframe.interactive__frame")
    expect(player.get_by_role("radio", name="False")).to_have_attribute("aria-checked", "true")

    page.goto(site_url(course.url))
    expect(page.locator("progress").first).to_have_attribute("value", "100")
    # The one refusal is our own probe of the API above; H5P itself needs nothing the policy forbids.
    refused = [text for text in problems if "Content Security Policy" in text]
    assert refused and all("/api/lms/progress" in text for text in refused), refused
