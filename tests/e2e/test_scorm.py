"""A learner plays the real SCORM 1.2 and 2004 golf samples to the end in Chromium: the test is
passed with 80 %, the lesson is passed with that score, and a reload resumes at the saved page.

The site runs on http://localhost:<port>, its content origin on http://127.0.0.1:<port> (the same
live server under another name), as in production with a separate content host.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from playwright.sync_api import expect

from lms.models import LearningStatement, LessonPage, LessonProgress, ScormAttempt, ScormItemState
from lms.statements import Verb
from tests.content_factories import launch_path
from tests.e2e.test_accessibility import describe
from tests.factories import make_user
from tests.lms_factories import enrol, make_course
from tests.scorm_factories import (
    cmi12,
    commit_url,
    golf,
    multi_sco_package,
    open_attempt,
    post_commit,
    sco_page,
    scorm_lesson,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

#: The golf sample's pages before its assessment (launchpage.html's pageArray), and the assessment's index.
ASSESSMENT_PAGE = 14
#: 12 of the 15 questions right: 80 %, above the sample's 70 % pass mark.
RIGHT_ANSWERS = 12


@pytest.fixture
def origins(live_server, settings):
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}"
    return settings.WAGTAILADMIN_BASE_URL


def wait_for(page, condition, seconds: float = 20) -> bool:
    """Poll ``condition`` while the browser runs on (Playwright's sync API only works during its calls)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OperationalError:
            pass  # SQLite's shared in-memory test database: "table is locked" while the server writes
        page.wait_for_timeout(250)
    return False


def frame_showing(page, name: str):
    """The (nested) frame whose address contains ``name``, once it has loaded."""
    assert wait_for(page, lambda: any(name in frame.url for frame in page.frames)), [
        f.url for f in page.frames
    ]
    return next(frame for frame in page.frames if name in frame.url)


def answer_the_assessment(assessment) -> None:
    """Answer the first RIGHT_ANSWERS questions as questions.js says is right, and leave the rest."""
    # The sample builds its questions as its scripts load: wait for all of them, not for the frame only.
    assessment.wait_for_function("() => window.test && test.Questions && test.Questions.length === 15")
    questions = assessment.evaluate(
        "() => test.Questions.map(q => ({id: q.Id, type: q.Type, answers: q.Answers, correct: q.CorrectAnswer}))"  # noqa: E501
    )
    assert len(questions) == 15
    for question in questions[:RIGHT_ANSWERS]:
        prefix = f"question_{question['id']}"
        if question["type"] == "choice":
            assessment.locator(f'[id="{prefix}_{question["answers"].index(question["correct"])}"]').check()
        elif question["type"] == "true-false":
            assessment.locator(f'[id="{prefix}_{"True" if question["correct"] else "False"}"]').check()
        else:
            assessment.locator(f'[id="{prefix}_Text"]').fill(str(question["correct"]))
    assessment.get_by_role("button", name="Submit Answers").click()
    expect(assessment.get_by_text("Score: 80")).to_be_visible()


@pytest.mark.parametrize("standard", ["1.2", "2004"])
def test_the_golf_sample_is_passed_recorded_and_resumed(page, origins, home, standard):
    cache.clear()
    course = make_course(home, "Golf for peer workers", modules=1, lessons_per_module=0)
    package = golf(standard)
    lesson = LessonPage.objects.get(pk=scorm_lesson(course.modules[0], package, title="Golf explained").pk)
    learner = make_user("kari")
    enrol(learner, course.page)
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    dialogs: list[str] = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)

    page.goto(origins + lesson.url)
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Golf explained")
    frame = page.locator("iframe.interactive__frame")
    assert frame.get_attribute("src").startswith(settings_content_origin(origins))

    sco = page.frame_locator("iframe.interactive__frame").frame_locator("#scorm-content")
    next_page = sco.get_by_role("button", name="Next ->")
    expect(next_page).to_be_enabled()
    for _page in range(ASSESSMENT_PAGE):
        next_page.click()
    answer_the_assessment(frame_showing(page, "assessmenttemplate.html"))

    # scorm-again commits a few seconds after the last value the SCO set.
    def passed():
        progress = LessonProgress.objects.filter(user=learner, lesson_key=lesson.translation_key).first()
        return progress is not None and progress.success == "passed"

    assert wait_for(page, passed), problems
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.status == "completed"
    assert progress.best_score == pytest.approx(0.8)
    assert LearningStatement.objects.filter(user=learner, verb=Verb.PASSED, score_scaled=0.8).exists()
    status = page.locator(".interactive__status")
    expect(status).to_contain_text("Passed.")
    expect(status).to_contain_text("Score: 80 %.")
    state = ScormItemState.objects.get(attempt__user=learner)
    assert state.location == str(ASSESSMENT_PAGE)

    # Leaving ends the session: the sample's unload handler calls LMSFinish, which scorm-again sends
    # as a text/plain beacon with the session time. (Waiting for it before opening the lesson again
    # also keeps two writers off the test's in-memory SQLite database, which would refuse one.)
    page.goto("about:blank")
    assert wait_for(page, lambda: ScormItemState.objects.get(pk=state.pk).total_time_seconds > 0), "no beacon"
    state.refresh_from_db()
    assert state.commit_count >= 2
    assert state.cmi["cmi"]["core"]["exit"] == "" if standard == "1.2" else state.cmi["cmi"]["exit"] == ""

    # Back in the lesson the sample finds its bookmark in the start data, asks, and resumes there.
    dialogs.clear()
    page.goto(origins + lesson.url)
    assessment = frame_showing(page, "assessmenttemplate.html")
    expect(assessment.get_by_role("button", name="Submit Answers")).to_be_visible()
    assert dialogs == ["Would you like to resume from where you previously left off?"]
    expect(page.locator(".interactive__status")).to_contain_text("Passed.")
    page.wait_for_timeout(500)  # the new session's first commit, before the next page opens
    page.goto(origins + course.page.url)
    expect(page.locator("progress").first).to_have_attribute("value", "100")
    assert not [text for text in problems if "Content Security Policy" in text], problems


def settings_content_origin(site_origin: str) -> str:
    return site_origin.replace("localhost", "127.0.0.1")


#: Three SCOs as authors write them: one ends its own session on unload, one never does
#: (the player must), one commits a passing score itself.
LISTEN = """var api = window.parent.API; api.LMSInitialize("");
api.LMSSetValue("cmi.core.lesson_status", "completed"); api.LMSSetValue("cmi.core.lesson_location", "end");
window.addEventListener("unload", function () {
  api.LMSSetValue("cmi.core.session_time", "00:00:05"); api.LMSFinish("");
});"""
SHARE = """var api = window.parent.API; api.LMSInitialize("");
api.LMSSetValue("cmi.core.lesson_status", "completed");"""
QUIZ = """var api = window.parent.API; api.LMSInitialize("");
api.LMSSetValue("cmi.core.score.raw", "90"); api.LMSSetValue("cmi.core.lesson_status", "passed");
api.LMSCommit("");"""


#: Resolves once the element's document has loaded, its scripts run.
LOADED = """(element) => new Promise((done) => {
  const view = element.ownerDocument.defaultView;
  if (element.ownerDocument.readyState === "complete") done();
  else view.addEventListener("load", () => done());
})"""


def test_a_package_of_several_scos_is_played_item_by_item_and_attempted_again(page, origins, home):
    cache.clear()
    course = make_course(home, "Basics", modules=1, lessons_per_module=0)
    pages = {"listen.html": sco_page("Listening", LISTEN), "share.html": sco_page("Sharing", SHARE),
             "quiz.html": sco_page("Quiz", QUIZ)}  # fmt: skip
    package = multi_sco_package(pages=pages)
    made = scorm_lesson(
        course.modules[0], package, "Peer support basics", max_attempts=2, rule="interactive_completed"
    )
    lesson = LessonPage.objects.get(pk=made.pk)
    learner = make_user("kari")
    enrol(learner, course.page)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(origins + lesson.url)
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()

    player = page.frame_locator("iframe.interactive__frame")
    contents = player.get_by_role("navigation", name="Contents")
    expect(contents.get_by_role("link", name="Listening")).to_have_attribute("aria-current", "page")
    expect(player.frame_locator("#scorm-content").get_by_role("heading", name="Listening")).to_be_visible()

    def states() -> dict:
        return {
            state.item_identifier: (state.completion_status, state.success_status)
            for state in ScormItemState.objects.filter(attempt__user=learner, attempt__number=1)
        }

    # Switching ends the SCO's session first: Listening ends its own, Sharing is ended by the player.
    contents.get_by_role("link", name="Sharing your story").click()
    expect(player.frame_locator("#scorm-content").get_by_role("heading", name="Sharing")).to_be_visible()
    assert wait_for(page, lambda: states().get("sco_listen") == ("completed", "unknown"))
    expect(contents.get_by_role("link", name="Sharing your story")).to_have_attribute("aria-current", "page")
    expect(contents.get_by_role("listitem").filter(has_text="Listening").last).to_contain_text("(completed)")
    contents.get_by_role("link", name="Quiz").click()
    expect(player.frame_locator("#scorm-content").get_by_role("heading", name="Quiz")).to_be_visible()
    assert wait_for(page, lambda: states().get("sco_share") == ("completed", "unknown"))
    assert wait_for(page, lambda: states().get("sco_quiz") == ("completed", "passed"))

    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert (progress.status, progress.success) == ("completed", "passed")
    assert progress.best_score == pytest.approx(0.9)
    listen = ScormItemState.objects.get(attempt__user=learner, item_identifier="sco_listen")
    assert listen.total_time_seconds == 5 and listen.location == "end"
    expect(page.locator(".interactive__status")).to_contain_text("Passed.")

    # A second attempt starts afresh; it is the last of the two allowed.
    expect(player.get_by_text("You may start 1 more attempt.")).to_be_visible()
    player.get_by_role("button", name="Start a new attempt").click()
    expect(player.get_by_text("Attempt 2.")).to_be_visible()
    expect(player.get_by_text("You have no attempts left.")).to_be_visible()
    expect(player.get_by_role("button", name="Start a new attempt")).to_have_count(0)
    expect(contents.get_by_text("(completed)")).to_have_count(0)
    assert ScormAttempt.objects.get(user=learner, number=1).finished_at is not None
    # The lesson keeps what the first attempt achieved.
    assert LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key).status == "completed"
    # Leaving ends the second attempt's session too; nothing is left in flight. Its first SCO
    # must have run its script (loaded whole) first, or it has no session to end.
    heading = player.frame_locator("#scorm-content").get_by_role("heading", name="Listening")
    heading.evaluate(LOADED)
    page.goto("about:blank")
    second = ScormItemState.objects.filter(attempt__user=learner, attempt__number=2, total_time_seconds=5)
    assert wait_for(page, second.exists)


def test_the_player_has_no_serious_accessibility_problems(browser, axe_script, origins, home, settings):
    course = make_course(home, "Basics", modules=1, lessons_per_module=0)
    package = multi_sco_package()
    lesson = scorm_lesson(course.modules[0], package, "Peer support basics", max_attempts=3)
    learner = make_user("kari")
    enrol(learner, course.page)
    attempt = open_attempt(learner, lesson, package)
    content_host = Client(HTTP_HOST=urlsplit(settings.CONTENT_ORIGIN).netloc)
    post_commit(commit_url(attempt, item="sco_listen"), cmi12(status="passed", raw=90), client=content_host)
    # The learner's browser opens the launch link (it gets the session's cookie), then an item;
    # axe is added as a script, which the player's CSP forbids.
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    tab = context.new_page()
    tab.goto(settings.CONTENT_ORIGIN + launch_path(learner, lesson, package))
    tab.goto(tab.url + "?item=sco_share")
    expect(tab.get_by_role("button", name="Start a new attempt")).to_be_visible()
    tab.add_script_tag(path=str(axe_script))
    results = tab.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    context.close()
    serious = [v for v in results["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], describe(serious)
