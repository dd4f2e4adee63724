"""Getting in: a person invited by a cohort's CSV follows the e-mailed link, chooses a password, signs
in with their e-mail address and lands on their course; a person with an account accepts an invitation."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from lms import invitations
from lms.models.cohorts import Invitation
from tests.e2e.journey_factories import build_journey
from tests.e2e.test_accessibility import axe_violations, describe
from tests.factories import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LINK = re.compile(r"https?://\S+/learning/invitations/\S+/")


@pytest.fixture
def journey(live_server, home, settings):
    # E-mailed links go to the site's BASE_URL: here, the live server.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return build_journey(home)


@pytest.fixture
def page(browser):
    """A desktop tab that lets axe's injected script past the site's CSP (no inline scripts)."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def assert_accessible(page, axe_script) -> None:
    violations = axe_violations(page, axe_script)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


def mailed_link(to: str) -> str:
    message = next(message for message in mail.outbox if message.to == [to])
    return LINK.search(message.body).group(0)


def test_a_csv_invited_person_sets_a_password_signs_in_with_their_address_and_lands_on_the_course(
    page, live_server, journey, tmp_path, axe_script
):
    teacher = journey.teacher
    teacher.set_password("Teach-2027!")
    teacher.save()
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("email;name;language\nLaima.Kalnina@example.org;Laima Kalniņa;en\n", encoding="utf-8")

    # The teacher uploads the list in the admin.
    page.goto(live_server.url + reverse("lms_cohorts:bulk_enrol", args=[journey.cohort.pk]))
    page.locator("#id_username").fill("teacher")
    page.locator("#id_password").fill("Teach-2027!")
    page.locator("#id_password").press("Enter")
    page.locator("#id_csv_file").set_input_files(str(csv_file))
    page.get_by_role("button", name="Send the invitations").click()
    expect(page.get_by_role("cell", name="Invited", exact=True)).to_be_visible()
    assert_accessible(page, axe_script)
    assert not journey.cohort.members.filter(email="Laima.Kalnina@example.org").exists()

    # The person opens the e-mailed link in their own browser.
    page.context.clear_cookies()
    page.goto(mailed_link("Laima.Kalnina@example.org"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Nordpeer")
    expect(page.get_by_text(journey.course.page.title)).to_be_visible()
    assert_accessible(page, axe_script)
    page.get_by_label("New password", exact=True).fill("Laima-in-Riga-27")
    page.get_by_label("New password confirmation").fill("Laima-in-Riga-27")
    page.get_by_role("button", name="Save the password and join").click()

    expect(page.get_by_text("Your password is saved.")).to_be_visible()
    assert_accessible(page, axe_script)
    page.get_by_label("E-mail address or username").fill("laima.kalnina@example.org")
    page.get_by_label("Password").fill("Laima-in-Riga-27")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + journey.course.page.url)
    expect(page.get_by_role("link", name="Start the course")).to_be_visible()
    assert_accessible(page, axe_script)
    assert journey.cohort.members.filter(email="Laima.Kalnina@example.org").exists()


def test_an_existing_person_signs_in_and_accepts(page, live_server, journey, axe_script):
    person = make_user("janis")
    invitations.invite_by_email(
        journey.cohort, person.email, invited_by=journey.teacher, base_url=live_server.url
    )
    link = mailed_link(person.email)
    assert "Inga Ozola invites you" in mail.outbox[-1].body

    page.goto(link)
    page.get_by_label("E-mail address or username").fill("janis@example.org")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitation")
    expect(page.get_by_text("Inga Ozola")).to_be_visible()
    assert_accessible(page, axe_script)
    page.get_by_role("button", name="Accept and join").click()

    expect(page).to_have_url(live_server.url + journey.course.page.url)
    expect(page.get_by_text("Welcome: you have joined Rīga and Vilnius, spring 2027.")).to_be_visible()
    assert_accessible(page, axe_script)
    assert Invitation.objects.get(user=person).status == Invitation.Status.ACCEPTED
    assert journey.cohort.members.filter(pk=person.pk).exists()
