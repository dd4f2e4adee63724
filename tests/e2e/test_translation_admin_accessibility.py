"""axe on the admin pages the translation flow changed, as a Swedish editor sees them: the
read-only source tree and the translation status report."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from tests import factories
from tests.e2e.test_accessibility import axe_violations, describe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_source_pages_and_status_report_pass_axe(
    page, live_server, home, translated_home, editor_of, axe_script
):
    cache.clear()
    section = factories.make_section(home, "Library")
    factories.make_material(section, "Peer work")
    client = Client()
    client.force_login(editor_of("sv"))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    report = []
    for path in (
        "/admin/translations/source/",
        f"/admin/translations/source/{section.pk}/",
        "/admin/reports/translation-status/",
    ):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() >= 1
        violations = axe_violations(page, axe_script)
        if violations:
            report.append(f"axe on {path}:\n{describe(violations)}")
    assert not report, "\n\n".join(report)
