"""Reflow (WCAG 2.1, 1.4.10): at 320 CSS pixels no page of the learner's, teacher's, supervision and
placement flows scrolls sideways, in English and in Latvian; and axe finds no serious or critical
problem on any of them at that width."""

from __future__ import annotations

import pytest

from lms import invitations
from lms.progress import record
from tests.e2e.journey_factories import Journey, build_journey, sign_in, url
from tests.e2e.test_accessibility import axe_violations, describe
from tests.lms_factories import statement

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTH = 320


@pytest.fixture
def journey(live_server, home) -> Journey:
    journey = build_journey(home)
    for lesson in journey.course.lessons[:2]:
        record(statement(journey.learner, lesson), lesson=lesson)
    return journey


def addresses(journey: Journey, language: str) -> dict[str, list[str]]:
    """Every page of each flow, by who opens it."""
    course = journey.course if language == "en" else journey.latvian
    cohort, group, placement = journey.cohort.pk, journey.group.pk, journey.placement.pk
    sent = invitations.invite_by_email(journey.cohort, "new.person@example.org", language=language)
    del sent
    from django.core import mail

    invitation = mail.outbox[-1].body.split("http://testserver", 1)[1].split()[0]
    return {
        "anonymous": [
            url("lms:course_list", language),
            url("login", language),
            url("password_reset", language),
            invitation,
            course.page.url,
        ],
        "learner": [
            url("lms:course_list", language),
            course.page.url,
            course.modules[0].url,
            course.lessons[0].url,
            course.lessons[-1].url,
            url("lms:my_learning", language),
            url("certificates:list", language),
            url("supervision:groups", language),
            url("supervision:group", language, group),
            url("placements:overview", language),
            url("placements:placement", language, placement),
        ],
        "teacher": [
            url("teaching:cohorts", language),
            url("teaching:cohort", language, cohort),
            url("teaching:learner", language, cohort, journey.learner.pk),
        ],
        "supervisor": [
            url("supervision:groups", language),
            url("supervision:group", language, group),
            url("supervision:session", language, group, journey.session.pk),
            url("placements:placement", language, placement),
        ],
        "contact": [
            url("placements:overview", language),
            url("placements:placement", language, placement),
        ],
    }


@pytest.mark.parametrize("language", ["en", "lv"])
def test_no_page_scrolls_sideways_at_320_px_and_axe_finds_nothing(
    browser, live_server, journey, axe_script, language
):
    people = {
        "learner": journey.learner,
        "teacher": journey.teacher,
        "supervisor": journey.supervisor,
        "contact": journey.contact,
    }
    too_wide, inaccessible, measured = [], [], 0
    for who, paths in addresses(journey, language).items():
        # axe is injected as a script: the test lets it past the site's CSP, which forbids inline scripts.
        context = browser.new_context(
            viewport={"width": WIDTH, "height": 800}, locale="en-GB", bypass_csp=True
        )
        if who in people:
            sign_in(context, people[who], live_server.url)
        page = context.new_page()
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.ok, f"{who} {path}: HTTP {response.status}"
            assert f"/{language}/" in page.url, f"{who} {path} ended at {page.url}"
            width = page.evaluate("document.documentElement.scrollWidth")
            measured += 1
            if width > WIDTH:
                too_wide.append(f"{who} {page.url}: {width} px")
            violations = axe_violations(page, axe_script)
            if violations:
                inaccessible.append(f"{who} {page.url}:\n{describe(violations)}")
        context.close()
    print(f"reflow {language}: {measured} pages at {WIDTH} px, {len(too_wide)} too wide")
    assert not too_wide, "Pages wider than the screen:\n" + "\n".join(too_wide)
    assert not inaccessible, "\n\n".join(inaccessible)


def test_without_javascript_the_header_stays_open_and_still_fits(browser, live_server, journey):
    context = browser.new_context(viewport={"width": WIDTH, "height": 800}, java_script_enabled=False)
    sign_in(context, journey.teacher, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + url("teaching:cohorts", "lv"))
    assert page.get_by_role("button", name="Izvēlne").count() == 0  # the Menu button is hidden
    assert page.get_by_role("link", name="Mācīšana").is_visible()  # Teaching
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    context.close()
