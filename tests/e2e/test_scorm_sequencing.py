"""The golf sequencing samples (SCORM 2004 3rd edition) in Chromium, run by scorm-again's engine.

- simple remediation: flow only (Continue and Previous, no contents choice, so the final test
  cannot be opened first); a failed test sends the learner back through what is not yet
  mastered, skipping content and tests whose objective is satisfied; only the tests roll up.
- random test: the post test delivers one of its four tests in an order chosen when the
  attempt starts, kept when the learner comes back; the post test decides the lesson.
"""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms import scorm_runtime
from lms.models import LessonPage, LessonProgress, ScormAttempt, ScormItemState
from tests.content_factories import ingest
from tests.e2e.test_scorm import frame_showing, origins, wait_for  # noqa: F401  (origins is a fixture)
from tests.factories import make_user
from tests.lms_factories import enrol, make_course
from tests.scorm_factories import scorm_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

#: Answer every question of the sample's quiz (right or not at all), then submit it.
ANSWER = """(right) => {
  for (const q of test.Questions) {
    if (!right) continue;
    const id = "question_" + q.Id;
    const input = (suffix) => document.getElementById(id + suffix);
    if (q.Type === "choice") input("_" + q.Answers.indexOf(q.CorrectAnswer)).checked = true;
    else if (q.Type === "true-false") input(q.CorrectAnswer ? "_True" : "_False").checked = true;
    else input("_Text").value = String(q.CorrectAnswer);
  }
  SubmitAnswers();
}"""


def open_lesson(page, origins, home, package_name: str):  # noqa: F811
    cache.clear()
    course = make_course(home, "Golf", modules=1, lessons_per_module=0)
    package = ingest(package_name, title="Golf sequencing")
    lesson = LessonPage.objects.get(pk=scorm_lesson(course.modules[0], package, "Golf explained").pk)
    learner = make_user("kari")
    enrol(learner, course.page)
    page.goto(origins + lesson.url)
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    return package, lesson, learner


class Player:
    """The SCORM player in the lesson, and the SCO it shows."""

    def __init__(self, page):
        self.page = page
        self.frame = page.frame_locator("iframe.interactive__frame")

    def shows(self, title: str) -> None:
        expect(self.frame.locator("#scorm-content")).to_have_attribute("title", title)
        # The SCO must have started its session before leaving it can end one (slow under load).
        frame_showing(self.page, "/scorm/").wait_for_function(
            "() => window.API_1484_11 && window.API_1484_11.isInitialized()"
        )

    def api(self, script: str):
        return frame_showing(self.page, "/scorm/").evaluate(script)

    def answer(self, questions: str, right: bool) -> None:
        """Answer the quiz of one topic (``questions=Playing``) and submit it."""
        quiz = frame_showing(self.page, f"questions={questions}")
        quiz.wait_for_function("() => window.test && test.Questions.length > 0 && window.SubmitAnswers")
        quiz.evaluate(ANSWER, right)
        expect(
            self.frame.frame_locator("#scorm-content").frame_locator("#contentFrame").get_by_text("Score:")
        ).to_be_visible()

    def press(self, name: str) -> None:
        # From the keyboard, as a keyboard user does. A mouse click missed Continue in 2 of about
        # 45 runs (no click reached the player), most likely because the lesson page moved the
        # player's frame (resized to its height, status refreshed as commits answer) between
        # Playwright's checks, which look only inside the frame, and its click.
        self.frame.get_by_role("button", name=name).press("Enter")


def attempt_state(learner) -> dict:
    attempt = ScormAttempt.objects.get(user=learner)
    return attempt.sequencing_state or {}


def test_the_remediation_sample_follows_its_sequencing(page, origins, home):  # noqa: F811
    package, lesson, learner = open_lesson(page, origins, home, "scorm2004-sequencing-simple-remediation.zip")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    titles = {item["identifier"]: item["title"] for item in scorm_runtime.scorm_items(package)}
    player = Player(page)
    contents = player.frame.get_by_role("navigation", name="Contents")

    player.shows("Playing the Game")
    expect(contents.get_by_text("Playing Quiz")).to_be_visible()
    expect(contents.get_by_role("link")).to_have_count(0)  # choice="false": no way to the tests first
    expect(player.frame.get_by_role("button", name="Previous")).to_be_hidden()
    # The URL cannot open the final test either: the page delivers what the sequencing chose.
    assert wait_for(page, lambda: attempt_state(learner).get("current") == "playing_item")

    player.press("Continue")
    player.shows("Etiquette")
    assert wait_for(page, ScormItemState.objects.filter(item_identifier="playing_item").exists)
    player.press("Previous")
    player.shows("Playing the Game")
    for title in ("Etiquette", "Handicapping", "Having Fun", "Playing Quiz"):
        player.press("Continue")
        player.shows(title)

    # Three quizzes passed, the last one failed.
    for questions, next_title in (("Playing", "Etiquette Quiz"), ("Etiquette", "Handicapping Quiz")):
        player.answer(questions, right=True)
        player.press("Continue")
        player.shows(next_title)
    player.answer("Handicapping", right=True)
    player.press("Continue")
    player.shows("Having Fun Quiz")
    player.answer("HavingFun", right=False)
    assert wait_for(
        page,
        lambda: ScormItemState.objects.filter(item_identifier="test_4", success_status="failed").exists(),
    )
    # The last test exits the wrapper, which retries: remediation skips every activity whose
    # objective a passed test satisfied, and starts again at the unmastered topic's content.
    player.press("Continue")
    player.shows(titles["havingfun_item"])
    progress = LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key)
    assert progress.success != "passed"

    player.press("Continue")
    player.shows("Having Fun Quiz")
    player.answer("HavingFun", right=True)
    player.press("Continue")
    # Every objective is satisfied: the wrapper's exitAll ends the sequencing session.
    expect(player.frame.get_by_role("status").filter(has_text="You have reached the end")).to_be_visible()
    assert wait_for(page, lambda: attempt_state(learner).get("rollup", {}).get("success") == "passed")
    rollup = attempt_state(learner)["rollup"]
    assert rollup["completed"] is True
    # Only the tests roll up, each counting equally: the retaken test's 100 replaces its 0.
    assert rollup["score"] == pytest.approx(1.0)

    def passed() -> bool:
        progress = LessonProgress.objects.filter(user=learner, lesson_key=lesson.translation_key).first()
        return progress is not None and progress.status == "completed" and progress.success == "passed"

    assert wait_for(page, passed)
    assert attempt_state(learner)["current"] is None
    assert not [text for text in dialogs if "could not" in text.lower()], dialogs


def test_the_random_test_sample_orders_its_tests_and_keeps_the_order(page, origins, home):  # noqa: F811
    package, lesson, learner = open_lesson(page, origins, home, "scorm2004-sequencing-random-test.zip")
    page.on("dialog", lambda dialog: dialog.accept())
    player = Player(page)
    for title in ("Playing the Game", "Etiquette", "Handicapping", "Having Fun"):
        player.shows(title)
        # The content SCOs complete on their last page; the post test opens once all are completed.
        player.api("() => window.API_1484_11.SetValue('cmi.completion_status', 'completed')")
        player.press("Continue")

    def post_test_order() -> list[str]:
        state = json.loads(attempt_state(learner)["state"])
        return state["sequencing"]["activityStates"]["posttest_item"]["selectionRandomizationState"][
            "childOrder"
        ]

    assert wait_for(page, lambda: attempt_state(learner).get("current", "").startswith("test_"))
    order = post_test_order()
    assert sorted(order) == ["test_1", "test_2", "test_3", "test_4"]
    delivered = attempt_state(learner)["current"]
    titles = {item["identifier"]: item["title"] for item in scorm_runtime.scorm_items(package)}
    player.shows(titles[delivered])

    # Back later: the same test, in the same order.
    page.reload()
    player.shows(titles[delivered])
    assert attempt_state(learner)["current"] == delivered
    assert post_test_order() == order

    questions = {"test_1": "Playing", "test_2": "Etiquette", "test_3": "Handicapping", "test_4": "HavingFun"}
    player.answer(questions[delivered], right=True)
    player.press("Continue")
    expect(player.frame.get_by_role("status").filter(has_text="You have reached the end")).to_be_visible()

    # The post test decides: three tests never taken do not keep the lesson open.
    def passed() -> bool:
        progress = LessonProgress.objects.filter(user=learner, lesson_key=lesson.translation_key).first()
        return progress is not None and progress.status == "completed" and progress.success == "passed"

    assert wait_for(page, passed)
    assert (
        ScormItemState.objects.filter(attempt__user=learner, item_identifier__startswith="test_").count() == 1
    )
