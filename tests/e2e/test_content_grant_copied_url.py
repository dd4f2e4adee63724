"""A learner's content addresses, copied into another browser, do not play as the learner.

The learner opens an H5P lesson (in sandbox mode and on a content origin) and a SCORM lesson;
someone else, in a second browser context, opens the frame's launch link and the player's address
copied from the learner's browser: both are refused with a message, and nothing is stored. The
learner's own reload keeps working, with the saved answer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms.models import H5PUserState, LearningStatement, LessonPage, ScormAttempt
from tests.content_factories import H5P_TEST, ingest, interactive_lesson
from tests.e2e.test_h5p import wait_for
from tests.factories import make_user
from tests.lms_factories import enrol, make_course
from tests.scorm_factories import multi_sco_package, scorm_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ALREADY_OPENED = "This link has already been opened. Reload the lesson to open the content again."
NOT_THIS_BROWSER = "This content opens only in the browser that opened the lesson."


@pytest.fixture(params=["sandbox", "content-origin"])
def mode(request, live_server, settings):
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}" if request.param == "content-origin" else ""
    cache.clear()
    return request.param


def sign_in_to(page, url: str, username: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()


def copied_addresses(page, player_path: str) -> tuple[str, str]:
    """The frame's launch link (its src) and the player's address, as the learner could copy them."""
    frame = page.locator("iframe.interactive__frame")
    launch = frame.get_attribute("src").split("#")[0]
    player = next(f.url for f in page.frames if player_path in f.url).split("#")[0]
    base = page.url.split("/en/")[0]
    return (launch if launch.startswith("http") else base + launch), player


def refused(browser, url: str) -> str:
    """What a second browser, signed in as nobody, gets at ``url``."""
    context = browser.new_context(locale="en-GB")
    try:
        tab = context.new_page()
        response = tab.goto(url)
        assert response.status == 403, (url, response.status)
        return tab.locator("body").inner_text()
    finally:
        context.close()


def test_a_copied_h5p_address_does_not_play_as_the_learner(page, browser, home, mode, settings):
    course = make_course(home, "Answering questions", modules=1, lessons_per_module=0)
    made = interactive_lesson(course.modules[0], ingest(H5P_TEST, title="Is this false?"), "True or false")
    lesson = LessonPage.objects.get(pk=made.pk)
    learner = make_user("kari")
    enrol(learner, course.page)
    sign_in_to(page, settings.WAGTAILADMIN_BASE_URL + lesson.url, "kari")
    player = page.frame_locator("iframe.interactive__frame")
    player.get_by_role("radio", name="False").click()
    # H5P saves its state first empty, then with the answer: the answer saved, the learner's browser
    # has nothing more to write, and what follows can only come from the copied addresses.
    answered = H5PUserState.objects.filter(user=learner, data__contains='"answer"')
    assert wait_for(page, answered.exists)
    launch, player_address = copied_addresses(page, "/h5p/")
    assert "/content/launch/" in launch and "/content/s/" in player_address
    saved = list(H5PUserState.objects.values_list("pk", "data"))
    statements = LearningStatement.objects.count()

    assert refused(browser, launch) == ALREADY_OPENED
    assert refused(browser, player_address).startswith(NOT_THIS_BROWSER)
    # Nor does a package file of the session open there.
    assert refused(browser, player_address.replace("/h5p/", "/files/h5p.json")).startswith(NOT_THIS_BROWSER)
    assert list(H5PUserState.objects.values_list("pk", "data")) == saved
    assert LearningStatement.objects.count() == statements

    # The learner's reload gets a new launch link, and H5P resumes with the saved answer.
    page.reload()
    player = page.frame_locator("iframe.interactive__frame")
    expect(player.get_by_role("radio", name="False")).to_have_attribute("aria-checked", "true")
    assert page.locator("iframe.interactive__frame").get_attribute("src").split("#")[0] != launch


def test_a_copied_scorm_player_address_does_not_play_as_the_learner(
    page, browser, home, live_server, settings
):
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}"  # SCORM runs only on a content origin
    cache.clear()
    course = make_course(home, "Basics", modules=1, lessons_per_module=0)
    made = scorm_lesson(course.modules[0], multi_sco_package(), "Peer support basics")
    lesson = LessonPage.objects.get(pk=made.pk)
    learner = make_user("kari")
    enrol(learner, course.page)
    sign_in_to(page, settings.WAGTAILADMIN_BASE_URL + lesson.url, "kari")
    expect(
        page.frame_locator("iframe.interactive__frame").get_by_role("heading", name="Contents")
    ).to_be_visible()
    launch, player_address = copied_addresses(page, "/scorm/")
    attempts = list(ScormAttempt.objects.values_list("pk", "updated_at"))

    assert refused(browser, launch) == ALREADY_OPENED
    assert refused(browser, player_address).startswith(NOT_THIS_BROWSER)
    assert refused(browser, player_address + "?item=sco_quiz").startswith(NOT_THIS_BROWSER)
    assert list(ScormAttempt.objects.values_list("pk", "updated_at")) == attempts
    assert not LearningStatement.objects.filter(verb__contains="passed").exists()
