"""The public certificate check in the reader's language: axe finds nothing on it, in English and
in Latvian, on the confirmed, unknown-code and form pages."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms import certificates
from lms.models import Certificate
from tests.e2e.test_accessibility import axe_violations, describe
from tests.factories import make_user
from tests.factories_certificates import TITLES, complete, multilingual_course
from website.languages import native_name

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def certificate(live_server, home):
    cache.clear()
    course = multilingual_course(home)
    learner = make_user("ilze")
    learner.first_name, learner.last_name = "Ilze", "Kalniņa"
    learner.save()
    complete(learner, course)
    return certificates.issue_for_course(learner, course.page.translation_key)


def test_verify_pages_in_latvian_pass_axe(page, live_server, certificate: Certificate, axe_script):
    report = []
    for path in (
        f"/verify/{certificate.display_code}/?lang=lv",
        f"/verify/{certificate.display_code}/?lang=en",
        "/verify/ZZZZ-ZZZZ-ZZZZ/?lang=lv",
        "/verify/?lang=lv",
    ):
        page.goto(live_server.url + path)
        violations = axe_violations(page, axe_script)
        if violations:
            report.append(f"axe on {path}:\n{describe(violations)}")
    assert not report, "\n\n".join(report)


def test_the_reader_switches_language_on_the_page(page, live_server, certificate: Certificate):
    page.goto(f"{live_server.url}/verify/{certificate.display_code}/?lang=en")
    expect(page.get_by_text(TITLES["en"])).to_be_visible()
    page.get_by_role("link", name=native_name("lv"), exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "lv")
    expect(page.get_by_text(TITLES["lv"])).to_be_visible()
