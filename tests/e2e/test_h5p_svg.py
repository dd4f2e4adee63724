"""An SVG with a script inside a package, opened directly from its content URL in Chromium: nothing runs."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest

from tests.content_factories import ingest, interactive_lesson, launch_path
from tests.factories import make_user
from tests.factories_packages import h5p_files, make_zip
from tests.lms.test_content_svg import SCRIPTED_SVG
from tests.lms_factories import enrol, make_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("content_origin", [True, False])
def test_an_svg_with_a_script_runs_nothing_when_opened_directly(
    page, live_server, settings, home, content_origin
):
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = f"http://localhost:{port}"
    settings.CONTENT_ORIGIN = f"http://127.0.0.1:{port}" if content_origin else ""
    course = make_course(home, "Pictures", modules=1, lessons_per_module=0)
    archive = make_zip({**h5p_files(), "content/images/badge.svg": SCRIPTED_SVG})
    package = ingest(io.BytesIO(archive), title="With a picture")
    lesson = interactive_lesson(course.modules[0], package)
    learner = make_user("kari")
    enrol(learner, course.page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = settings.CONTENT_ORIGIN or settings.WAGTAILADMIN_BASE_URL
    # The learner's own browser: it opened the lesson's launch link, and holds the session's cookie.
    page.goto(base + launch_path(learner, lesson, package))
    session = page.url.split("/content/s/")[1].split("/")[0]
    url = f"{base}/content/s/{session}/files/content/images/badge.svg"

    response = page.goto(url)

    assert response.status == 200
    assert page.locator("rect").count() == 1  # the picture itself is there
    page.wait_for_timeout(500)
    assert page.evaluate("() => document.documentElement.getAttribute('data-ran')") is None
    assert dialogs == []
