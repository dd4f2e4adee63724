"""Real SCORM 2004 packages nobody here wrote, played in Chromium through every item.

- the golf sample whose SCOs make only the minimum calls (Initialize, Terminate) and set no
  status: the LMS completes each one when its session ends, and so the lesson;
- the golf sample with one file per item, all of them assets: opening an asset completes it,
  and the lesson completes once every item was opened.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from lms import scorm_runtime
from lms.models import LessonPage, LessonProgress, ScormItemState
from tests.content_factories import ingest
from tests.e2e.test_scorm import origins, wait_for  # noqa: F401  (origins is a fixture)
from tests.factories import make_user
from tests.lms_factories import enrol, make_course
from tests.scorm_factories import scorm_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


#: In the player: the SCO has called Initialize (and may since have called Terminate).
STARTED = """() => {
    const api = window.API_1484_11 || window.API;
    return !!api && (api.isInitialized() || api.isTerminated());
}"""


def item_started(page, item: dict) -> bool:
    """The player shows ``item`` and has started it: a SCO called Initialize, an asset's page loaded."""
    player = page.locator("iframe.interactive__frame").element_handle().content_frame()
    try:
        if item["scorm_type"] == "sco":
            return player.evaluate(STARTED)
        return any(
            frame.url != "about:blank" and frame.evaluate("document.readyState") == "complete"
            for frame in player.child_frames
        )
    except PlaywrightError:
        return False  # the player is between two pages


def play_every_item(page, origins, home, package_name: str):  # noqa: F811
    cache.clear()
    course = make_course(home, "Golf", modules=1, lessons_per_module=0)
    package = ingest(package_name, title="Golf Explained")
    made = scorm_lesson(course.modules[0], package, "Golf explained", rule="interactive_completed")
    lesson = LessonPage.objects.get(pk=made.pk)
    learner = make_user("kari")
    enrol(learner, course.page)
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.goto(origins + lesson.url)
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    player = page.frame_locator("iframe.interactive__frame")
    contents = player.get_by_role("navigation", name="Contents")
    items = scorm_runtime.scorm_items(package)

    def completed() -> set[str]:
        states = ScormItemState.objects.filter(attempt__user=learner, completion_status="completed")
        return set(states.values_list("item_identifier", flat=True))

    def lesson_done() -> bool:
        progress = LessonProgress.objects.filter(user=learner, lesson_key=lesson.translation_key).first()
        return progress is not None and progress.status == "completed"

    for number, item in enumerate(items):
        if number:
            contents.get_by_role("link", name=item["title"], exact=True).click()
        link = contents.get_by_role("link", name=item["title"], exact=True)
        expect(link).to_have_attribute("aria-current", "page")
        expect(player.locator("#scorm-content")).to_have_attribute("title", item["title"])
        # The SCO's Initialize (an asset's page loaded), before the next item ends its session.
        assert wait_for(page, lambda item=item: item_started(page, item)), (item, problems)
        if number:
            previous = items[number - 1]["identifier"]
            assert wait_for(page, lambda previous=previous: previous in completed()), (previous, problems)
        assert not lesson_done() or number == len(items) - 1
    page.goto("about:blank")  # leaving ends the last item's session
    assert wait_for(page, lesson_done), (completed(), problems)
    assert completed() == {item["identifier"] for item in items}
    assert not [text for text in dialogs if "could not" in text.lower()], dialogs
    return learner, lesson


def test_the_minimum_calls_sample_completes_the_lesson(page, origins, home):  # noqa: F811
    learner, lesson = play_every_item(page, origins, home, "scorm2004-runtime-minimum-calls.zip")
    # No SCO set a status: the LMS did, when each session ended (SN End Attempt Process).
    states = ScormItemState.objects.filter(attempt__user=learner)
    assert {state.cmi["cmi"].get("completion_status") for state in states} == {"completed"}


def test_the_one_file_per_sco_sample_completes_once_every_item_was_opened(page, origins, home):  # noqa: F811
    play_every_item(page, origins, home, "scorm2004-one-file-per-sco.zip")
