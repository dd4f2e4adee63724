"""A knowledge check in Chromium: after an attempt the learner's choices stay selected, each
chosen answer has its feedback beside it, focus moves to the result without a reload, the
explanations wait until the check is passed, and axe finds nothing on the lesson."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.test_accessibility import axe_violations, describe
from tests.factories import make_user
from tests.lms_factories import enrol, make_course, make_lesson, question

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def check_lesson(live_server, home):
    cache.clear()
    course = make_course(home, "Starting out", modules=1, lessons_per_module=1)
    first = question(
        "Who is a peer support worker?",
        [("Someone with lived experience", True), ("A doctor", False), ("A relative", False)],
    )
    first["options"][1]["feedback"] = "Doctors treat illness; peer workers share experience."
    second = question("Recovery is personal.", [], kind="true_false", statement_is_true=True)
    check = {"title": "Check", "pass_mark": 100, "questions": [first, second], "explanations": "once_passed"}
    lesson = make_lesson(
        course.modules[0], "Check your understanding", body=[("knowledge_check", check)],
        completion_rule="check_passed",
    )  # fmt: skip
    learner = make_user("kari")
    enrol(learner, course.page)
    return lesson, learner


def sign_in(page, live_server, user) -> None:
    """The session of a signed-in Django test client, handed to the browser."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_choices_feedback_and_focus_after_an_attempt(page, live_server, check_lesson, axe_script):
    lesson, learner = check_lesson
    sign_in(page, live_server, learner)
    page.goto(live_server.url + lesson.url)
    block_id = lesson.body[0].id
    page.evaluate("window.sameDocument = true")  # gone if the page reloads

    page.get_by_label("A doctor").check()
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()

    result = page.locator(f"#check-result-{block_id}")
    expect(result).to_contain_text("Not passed yet: 50 % right, 100 % needed.")
    expect(result).to_be_focused()
    assert page.evaluate("window.sameDocument === true"), "the page reloaded instead of updating in place"
    # The choices are still selected, and each chosen answer says how it went.
    expect(page.get_by_label("A doctor")).to_be_checked()
    expect(page.get_by_label("True", exact=True)).to_be_checked()
    doctor = page.locator(".check__choice", has_text="A doctor")
    expect(doctor.locator(".check__choice-feedback")).to_contain_text("Your choice: not right.")
    expect(doctor.locator(".check__choice-feedback")).to_contain_text("Doctors treat illness")
    truth = page.locator(".check__choice", has_text="True")
    expect(truth.locator(".check__choice-feedback")).to_contain_text("Your choice: right.")
    # Nothing marks the right answer the learner did not choose, and no explanation gives it away.
    expect(page.locator(".check__choice", has_text="Someone with lived experience").locator(
        ".check__choice-feedback")).to_have_count(0)  # fmt: skip
    expect(page.get_by_text("Why: Who is a peer support worker?")).to_have_count(0)
    violations = axe_violations(page, axe_script)
    assert not violations, describe(violations)

    page.get_by_label("Someone with lived experience").check()
    page.get_by_role("button", name="Check again").click()
    expect(result).to_contain_text("Passed: 100 % right.")
    expect(result).to_be_focused()
    expect(page.get_by_text("Why: Who is a peer support worker?")).to_be_visible()
    expect(page.get_by_label("Someone with lived experience")).to_be_checked()
    # One of the course's two lessons is done; the outline beside the lesson shows it without a reload.
    expect(page.locator("progress").first).to_have_attribute("value", "50")


def test_without_the_script_the_page_opens_at_the_result(browser, live_server, check_lesson):
    """Progressive enhancement: with JavaScript off, the form still posts and keeps the choices."""
    lesson, learner = check_lesson
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        sign_in(tab, live_server, learner)
        tab.goto(live_server.url + lesson.url)
        tab.get_by_label("A doctor").check()
        tab.get_by_label("True", exact=True).check()
        tab.get_by_role("button", name="Check my answers").click()
        expect(tab).to_have_url(f"{live_server.url}{lesson.url}#knowledge_check-{lesson.body[0].id}")
        expect(tab.get_by_label("A doctor")).to_be_checked()
        expect(tab.locator(f"#check-result-{lesson.body[0].id}")).to_contain_text("Not passed yet")
    finally:
        context.close()
