"""The Content-Security-Policy holds in Chromium without breaking anything: no page the public,
a learner or an editor opens reports a violation, the H5P player included, and Chromium
really does refuse what the policy forbids."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from lms.models import LessonPage
from tests.content_factories import H5P_TEST, ingest, interactive_lesson
from tests.factories import make_user
from tests.lms_factories import enrol, knowledge_check, make_course, make_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

#: Runs in every frame before the page's own scripts; CSP does not apply to it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = location.pathname;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI} on ${where}`);
});
"""


class ViolationLog:
    """CSP complaints from events in every frame and from the console."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def all(self) -> list[str]:
        events: list[str] = []
        for frame in self.page.frames:
            try:
                events += frame.evaluate("window.__cspViolations || []")
            except Exception as error:  # noqa: BLE001 (a frame that went away has nothing to report)
                events.append(f"(frame {frame.url} could not be read: {error})")
        return events + self.console


def sign_in(page, url: str, username: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()


def test_public_pages_report_no_violation(page, live_site):
    log = ViolationLog(page)
    for url in [
        live_site.address("home"),
        live_site.address("material"),
        live_site.address("material", "nb"),
        live_site.address("video"),
        f"{live_site.url}/en/search/?q=peer+support",
    ]:
        page.goto(url)
        expect(page.locator("main")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert not log.all(), (url, log.all())


def test_a_lesson_with_a_knowledge_check_reports_no_violation(page, live_server, translated_home, home):
    cache.clear()
    course = make_course(home, "Starting out", modules=1, lessons_per_module=0)
    make_lesson(course.modules[0], "Check your understanding", body=[knowledge_check(pass_mark=100)],
                completion_rule="check_passed")  # fmt: skip
    lesson = LessonPage.objects.descendant_of(course.page).get()
    enrol(make_user("kari"), course.page)
    log = ViolationLog(page)
    sign_in(page, f"{live_server.url}/en/account/login/?next={lesson.url}", "kari")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your understanding")
    page.get_by_label("Someone with lived experience").check()
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("Passed: 100 % right.").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not log.all(), log.all()


@pytest.mark.parametrize("content_origin", [False, True], ids=["sandbox", "content-origin"])
def test_the_h5p_player_loads_inside_the_policy(page, live_server, home, settings, content_origin):
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}" if content_origin else ""
    # No timed save of the answer while the test waits for the network to go quiet.
    settings.H5P_SAVE_SECONDS = 600
    cache.clear()
    course = make_course(home, "Answering questions", modules=1, lessons_per_module=0)
    lesson = interactive_lesson(course.modules[0], ingest(H5P_TEST, title="Is this false?"), "True or false")
    enrol(make_user("kari"), course.page)
    log = ViolationLog(page)
    site = settings.WAGTAILADMIN_BASE_URL
    sign_in(page, f"{site}/en/account/login/?next={LessonPage.objects.get(pk=lesson.pk).url}", "kari")
    # The player's own content is on screen and answers: nothing was blocked on the way.
    player = page.frame_locator("iframe.interactive__frame")
    expect(player.get_by_role("radio", name="False")).to_be_visible(timeout=20_000)
    player.get_by_role("radio", name="False").click()
    player.get_by_role("button", name="Check").click()
    expect(page.locator(".interactive__status")).to_contain_text("Passed.")
    page.wait_for_load_state("networkidle")
    # The lesson page's own document (the site's policy) reports nothing.
    assert not page.evaluate("window.__cspViolations"), page.evaluate("window.__cspViolations")
    assert not [m for m in log.console if "frame-src" in m or "frame-ancestors" in m], log.console


def test_the_admin_dashboard_page_editor_and_preview_report_no_violation(page, live_site):
    make_user("editor", superuser=True)
    material = live_site.pages["material"]["en"]
    log = ViolationLog(page)
    sign_in(page, f"{live_site.url}/admin/login/", "editor")
    expect(page).to_have_url(f"{live_site.url}/admin/")
    page.wait_for_load_state("networkidle")
    assert not log.all(), ("dashboard", log.all())

    page.goto(f"{live_site.url}/admin/pages/{material.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(material.title)
    page.wait_for_load_state("networkidle")
    assert not log.all(), ("page edit", log.all())

    # The preview panel: the page rendered by the site's templates inside the admin.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(material.title, timeout=15_000)
    page.wait_for_load_state("networkidle")
    assert not log.all(), ("preview", log.all())


def test_chromium_refuses_an_inline_script_without_the_nonce(page, live_site):
    """The policy is enforced, not decorative: an injected inline script does not run."""
    log = ViolationLog(page)
    page.goto(live_site.address("material"))
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__injected = true";
          document.body.append(script);
        }"""
    )
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in violation for violation in log.all()), log.all()
