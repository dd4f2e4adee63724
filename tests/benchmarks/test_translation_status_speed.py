"""How fast the translation status report renders for 500 source pages × 9 locales.

Run with `make benchmark` (NORDPEER_BENCHMARKS=1). Prints the median render time and the
query count for 100 and for 500 pages; the query count must not grow with the pages.
"""

from __future__ import annotations

import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.signals import page_published

from tests import factories
from website.translating import source_strings, translate
from website.translation_status import source_locale, source_pages, translation_status

URL = "/admin/reports/translation-status/"
RUNS = 7
SECTIONS = 5
TARGETS = ["nb", "sv", "da", "fi", "is", "et", "lv", "lt"]


@pytest.fixture
def quiet_build(settings):
    """Building 500 pages is not what is measured: keep indexing tasks from running meanwhile."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
    reconnect = page_published.disconnect(dispatch_uid="search-published")
    yield
    if reconnect:
        from search.signals import on_published

        page_published.connect(on_published, dispatch_uid="search-published")


def add_pages(sections, start: int, count: int) -> None:
    """Pages in every state: one complete translation, one draft, every fourth source republished."""
    for number in range(start, start + count):
        page = factories.make_material(sections[number % len(sections)], f"Material {number}")
        done = TARGETS[number % len(TARGETS)]
        translate(page, done, {text: f"{text} ({done})" for text in source_strings(page)})
        translate(page, TARGETS[(number + 3) % len(TARGETS)], {}, publish=False)
        if number % 4 == 0:
            factories.publish(page)  # the source changed after its translations: out of date


def measure(client, params: dict) -> tuple[float, int]:
    client.get(URL, params)  # warm up
    times = []
    for _run in range(RUNS):
        started = time.perf_counter()
        response = client.get(URL, params)
        if params.get("export"):
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
        if params.get("export"):
            b"".join(response.streaming_content)
    return statistics.median(times), len(captured)


def measure_service() -> tuple[float, int]:
    locales = list(Locale.objects.exclude(pk=source_locale().pk))
    times = []
    for _run in range(RUNS):
        started = time.perf_counter()
        translation_status(source_pages(source_locale()), locales)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        translation_status(source_pages(source_locale()), locales)
    return statistics.median(times), len(captured)


@pytest.mark.django_db
def test_status_report_for_500_pages_in_9_locales(quiet_build, home, editor_of):
    for code in TARGETS:
        translate(home, code, {})
    sections = []
    for number in range(SECTIONS):
        section = factories.make_section(home, f"Section {number}")
        for code in TARGETS:
            translate(section, code, {})
        sections.append(section)
    client = Client()
    client.force_login(editor_of("sv"))

    results = {}
    built = 0
    for total in (100, 500):
        add_pages(sections, built, total - built)
        built = total
        results[total] = {
            "report (HTML, first 100 rows)": measure(client, {}),
            "report filtered to one locale": measure(
                client, {"locale": Locale.objects.get(language_code="fi").pk}
            ),
            "CSV export (all rows)": measure(client, {"export": "csv"}),
            "status service alone": measure_service(),
        }

    print(f"\nTranslation status report, {connection.vendor}, median of {RUNS} runs:")
    for name in results[100]:
        (few_ms, few_q), (many_ms, many_q) = results[100][name], results[500][name]
        print(
            f"  {name:32} 100 pages: {few_ms:7.1f} ms {few_q:3} queries | "
            f"500 pages: {many_ms:7.1f} ms {many_q:3} queries"
        )
    for name in results[100]:
        assert results[100][name][1] == results[500][name][1], f"{name}: queries grow with pages"
    assert results[500]["report (HTML, first 100 rows)"][0] < 500
