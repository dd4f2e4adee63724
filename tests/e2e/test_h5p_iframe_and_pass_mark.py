"""H5P beyond the div embed: content that allows only iframe embedding, and content graded by score alone.

The iframe-only package is the shared True/False with ``embedTypes`` set to ["iframe"] here,
at run time (Agamotto, GreetingCard, Course Presentation and Interactive Video are of this
kind). Score alone: H5P core is told not to pass ``success`` on (as DragText does not send
one), so the block's pass mark decides.
"""

from __future__ import annotations

import io
import json
import zipfile
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms.models import H5PUserState, LessonPage, LessonProgress
from tests.content_factories import ingest
from tests.e2e.test_h5p import wait_for
from tests.factories import make_user
from tests.factories_packages import shared_package
from tests.lms_factories import enrol, make_course, make_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Is this false?"
#: Makes H5P core drop ``success`` from every scored result, as content that sends none.
SCORE_ONLY = """
(() => {
  const patch = () => {
    if (!window.H5P || !window.H5P.XAPIEvent) return false;
    const original = window.H5P.XAPIEvent.prototype.setScoredResult;
    window.H5P.XAPIEvent.prototype.setScoredResult = function (score, max, instance, completion) {
      const made = original.call(this, score, max, instance, completion, undefined);
      // What H5P itself sent: a score and no success, for the test to see.
      const sent = "success" in this.data.statement.result;
      window.scoresWithoutSuccess = (window.scoresWithoutSuccess || 0) + (sent ? 0 : 1);
      return made;
    };
    return true;
  };
  const timer = setInterval(() => { if (patch()) clearInterval(timer); }, 5);
})();
"""


def iframe_only_h5p() -> io.BytesIO:
    """The shared True/False with embedTypes ["iframe"]; built in memory, never stored in the repo."""
    source = zipfile.ZipFile(shared_package("h5p-test.h5p"))
    built = io.BytesIO()
    with zipfile.ZipFile(built, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "h5p.json":
                h5p = json.loads(data)
                h5p["embedTypes"] = ["iframe"]
                data = json.dumps(h5p).encode()
            target.writestr(info, data)
    built.seek(0)
    built.name = "iframe-only.h5p"
    return built


@pytest.fixture
def origins(live_server, settings):
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}"
    return settings.WAGTAILADMIN_BASE_URL


def h5p_lesson(home, package, *, pass_mark: int | None = None) -> LessonPage:
    cache.clear()
    course = make_course(home, "Answering questions", modules=1, lessons_per_module=0)
    block = {"package": package, "max_attempts": 0}
    if pass_mark is not None:
        block["pass_mark"] = pass_mark
    body = [("paragraph", "<p>Answer the question.</p>"), ("interactive", block)]
    lesson = make_lesson(course.modules[0], "True or false", body=body, completion_rule="interactive_passed")
    enrol(make_user("kari"), course.page)
    return LessonPage.objects.get(pk=lesson.pk)


def sign_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("True or false")


def test_an_iframe_only_h5p_is_shown_whole_answered_scored_and_resumed(page, origins, home):
    package = ingest(iframe_only_h5p(), title=TITLE)
    assert package.manifest["embed_types"] == ["iframe"]
    lesson = h5p_lesson(home, package)
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error.stack)))
    sign_in(page, origins + lesson.url)

    player = page.frame_locator("iframe.interactive__frame")
    content = player.frame_locator("iframe.h5p-iframe")
    expect(content.get_by_role("radio", name="False")).to_be_visible()
    check = content.get_by_role("button", name="Check")
    expect(check).to_be_visible()
    # Shown at full height: H5P's own frame grows to its content, and the lesson's frame to the player.
    h5p_frame = player.locator("iframe.h5p-iframe")
    inner = h5p_frame.element_handle().content_frame()
    lesson_frame = page.locator("iframe.interactive__frame")
    outer = lesson_frame.element_handle().content_frame()

    def shown_whole() -> bool:
        content_height = inner.evaluate("() => document.body.scrollHeight")
        player_height = outer.evaluate("() => document.documentElement.scrollHeight")
        return (
            content_height > 150
            and h5p_frame.bounding_box()["height"] >= content_height
            and lesson_frame.bounding_box()["height"] >= player_height
        )

    assert wait_for(page, shown_whole), (h5p_frame.bounding_box(), lesson_frame.bounding_box(), problems)
    content.get_by_role("radio", name="False").click()
    check.click()
    status = page.locator(".interactive__status")
    expect(status).to_contain_text("Passed.")
    expect(status).to_contain_text("Score: 100 %.")
    learner = LessonProgress.objects.get(lesson_key=lesson.translation_key).user
    assert wait_for(page, lambda: H5PUserState.objects.filter(user=learner, data_type="state").exists())
    page.reload()
    content = page.frame_locator("iframe.interactive__frame").frame_locator("iframe.h5p-iframe")
    expect(content.get_by_role("radio", name="False")).to_have_attribute("aria-checked", "true")
    assert not [text for text in problems if "localStorage" in text or "sessionStorage" in text], problems


@pytest.mark.parametrize("pass_mark", [100, None])
def test_an_h5p_that_sends_a_score_alone_passes_at_the_blocks_pass_mark(page, origins, home, pass_mark):
    lesson = h5p_lesson(home, ingest("h5p-test.h5p", title=TITLE), pass_mark=pass_mark)
    page.context.add_init_script(SCORE_ONLY)
    sign_in(page, origins + lesson.url)
    player = page.frame_locator("iframe.interactive__frame")
    player.get_by_role("radio", name="False").click()
    player.get_by_role("button", name="Check").click()
    expect(page.locator(".interactive__status")).to_contain_text("Passed.")
    content = next(frame for frame in page.frames if "/h5p/" in frame.url)
    assert content.evaluate("() => window.scoresWithoutSuccess") >= 1
    progress = LessonProgress.objects.get(lesson_key=lesson.translation_key)
    assert (progress.status, progress.success, progress.best_score) == ("completed", "passed", 1.0)


def test_a_score_below_the_pass_mark_does_not_pass(page, origins, home):
    lesson = h5p_lesson(home, ingest("h5p-test.h5p", title=TITLE), pass_mark=100)
    page.context.add_init_script(SCORE_ONLY)
    sign_in(page, origins + lesson.url)
    player = page.frame_locator("iframe.interactive__frame")
    player.get_by_role("radio", name="True").click()  # the wrong answer: 0 of 1
    player.get_by_role("button", name="Check").click()
    expect(player.get_by_text("Wrong answer").first).to_be_attached()
    assert wait_for(
        page,
        lambda: LessonProgress.objects.filter(lesson_key=lesson.translation_key, best_score=0).exists(),
    )
    progress = LessonProgress.objects.get(lesson_key=lesson.translation_key)
    assert progress.success != "passed" and progress.status != "completed"
