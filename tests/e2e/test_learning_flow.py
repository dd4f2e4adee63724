"""A participant signs in, enrols, passes a knowledge check, watches the progress bar move,
switches to Swedish, and finds their progress there too."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms.models import LessonPage
from tests.factories import make_user
from tests.lms_factories import knowledge_check, make_course, make_lesson, translate_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def course(live_server, translated_home, home):
    cache.clear()
    course = make_course(home, "Starting out", modules=1, lessons_per_module=1)
    make_lesson(course.modules[0], "Check your understanding", body=[knowledge_check(pass_mark=100)],
                completion_rule="check_passed")  # fmt: skip
    course.lessons = list(LessonPage.objects.descendant_of(course.page).order_by("path"))
    swedish = translate_course(course, "sv", "SV ")
    return course, swedish


def progress_value(page):
    return page.locator("progress").first


def test_enrol_pass_a_check_and_keep_progress_in_another_language(page, live_server, course):
    english, swedish = course
    make_user("kari")
    page.goto(live_server.url + english.page.url)

    page.get_by_role("link", name="Sign in to enrol").click()
    page.get_by_label("Username").fill("kari")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + english.page.url)

    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_text("You are enrolled.")).to_be_visible()
    expect(progress_value(page)).to_have_attribute("value", "0")

    page.get_by_role("link", name="Start the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.1")
    page.get_by_role("link", name="Next: Check your understanding").click()
    expect(progress_value(page)).to_have_attribute("value", "50")

    page.get_by_label("Someone with lived experience").check()
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("Passed: 100 % right.").first).to_be_visible()
    expect(progress_value(page)).to_have_attribute("value", "100")

    page.get_by_role("link", name="Svenska", exact=True).click()
    expect(page).to_have_url(live_server.url + swedish.lessons[1].url)
    expect(page.get_by_role("heading", level=1)).to_have_text("SV Check your understanding")
    expect(progress_value(page)).to_have_attribute("value", "100")

    page.get_by_role("link", name="SV Starting out").first.click()
    expect(progress_value(page)).to_have_attribute("value", "100")
