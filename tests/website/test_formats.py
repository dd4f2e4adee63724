"""Dates read the way each language writes them: British English; Icelandic and Estonian on 24 hours."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation

WHEN = datetime.datetime(2026, 12, 4, 19, 27)
DAY = datetime.date(2027, 9, 23)


@pytest.mark.parametrize(
    ("language", "value", "format_name", "expected"),
    [
        ("en", DAY, "DATE_FORMAT", "23 Sep 2027"),
        ("en", datetime.date(2026, 11, 24), "SHORT_DATE_FORMAT", "24/11/2026"),
        ("en", WHEN, "SHORT_DATETIME_FORMAT", "04/12/2026 7:27 p.m."),
        ("is", WHEN, "SHORT_DATETIME_FORMAT", "4.12.2026 19:27"),
        ("is", WHEN, "DATETIME_FORMAT", "4. desember 2026, 19:27"),
        ("is", DAY, "SHORT_DATE_FORMAT", "23.9.2027"),
        ("et", WHEN, "SHORT_DATETIME_FORMAT", "04.12.2026 19:27"),
        ("et", WHEN, "DATETIME_FORMAT", "4. detsember 2026, 19:27"),
    ],
)
def test_dates_follow_the_language(language, value, format_name, expected):
    with translation.override(language):
        assert formats.date_format(value, format_name) == expected


@pytest.mark.parametrize("language", ["en", "is", "et"])
def test_no_american_dates_in_templates(language):
    """The ``date`` filter without a format, as templates use it, is not month-first."""
    with translation.override(language):
        rendered = Template("{{ when|date }}|{{ when|date:'SHORT_DATE_FORMAT' }}").render(
            Context({"when": WHEN})
        )
    assert "12/04/2026" not in rendered
    assert "Dec. 4" not in rendered


def test_weeks_start_on_monday_in_english():
    with translation.override("en"):
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
