"""Finding the way: a teacher reaches the dashboard from the header (on a phone, through the menu
button); a learner goes from module to module, completes the course and gets the certificate from
the course page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_factories import build_journey, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def journey(live_server, home):
    return build_journey(home)


def test_a_teacher_reaches_the_dashboard_from_the_header_on_a_phone(browser, live_server, journey):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    sign_in(context, journey.teacher, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + journey.course.page.url)

    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Teaching")).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.get_by_role("link", name="Teaching").click()
    page.get_by_role("link", name=journey.cohort.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(journey.cohort.name)
    expect(page.get_by_role("table", name="Progress of the participants")).to_be_visible()
    # The matrix scrolls inside its own box; the participant column stays in view; the page does not.
    scroller = page.locator(".matrix-scroll")
    name = page.get_by_role("rowheader").first
    before = name.bounding_box()["x"]
    scroller.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    assert scroller.evaluate("box => box.scrollLeft") > 0
    assert abs(name.bounding_box()["x"] - before) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # A learner's header has no Teaching link; a teacher's has no certificates of their own.
    expect(page.get_by_role("link", name="My certificates", exact=True)).to_have_count(0)
    context.close()


def test_a_learner_moves_on_module_by_module_and_gets_the_certificate_from_the_course_page(
    page, live_server, journey
):
    sign_in(page.context, journey.learner, live_server.url)
    course = journey.course
    page.goto(live_server.url + course.page.url)
    page.get_by_role("link", name="Start the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.1")

    page.get_by_role("link", name="Next module: Module 2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Module 2")
    page.get_by_role("link", name="Lesson 2.1").click()
    page.get_by_role("link", name="Next: Your own story at work").click()

    page.get_by_role("link", name="Course completed: get your certificate").click()
    expect(page).to_have_url(live_server.url + course.page.url)
    expect(page.get_by_role("heading", name="Course completed")).to_be_visible()
    expect(page.get_by_role("link", name="Continue")).to_have_count(0)
    certificate = page.get_by_role("link", name="Get your certificate (PDF)")
    response = page.request.get(live_server.url + certificate.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    # The header now offers the learner's certificates.
    page.get_by_role("link", name="My certificates", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(course.page.title)).to_be_visible()
