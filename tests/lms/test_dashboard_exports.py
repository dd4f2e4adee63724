"""The cohort matrix as CSV and XLSX, on the site and in the admin report."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from django.utils.translation import override
from openpyxl import load_workbook

from tests.dashboard_factories import person

pytestmark = pytest.mark.django_db

HEADINGS = ["Participant", "Username", "Required lessons completed (%)", "Last activity"]


def export_url(cohort, file_format: str) -> str:
    with override("en"):
        return reverse("teaching:export", args=[cohort.pk, file_format])


def test_the_csv_holds_a_status_and_a_score_per_lesson(client, room):
    client.force_login(room.teacher_x)
    response = client.get(export_url(room.cohort_x, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="cohort-x-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == HEADINGS
    assert rows[0][4:6] == ["Lesson 1.1: status", "Lesson 1.1: best score (%)"]
    assert len(rows[0]) == 4 + 2 * 4
    anna, bo = rows[1:]
    assert anna[:3] == ["Anna Aalto", "anna", "25"]
    assert anna[4:8] == ["Completed", "", "In progress", "80"]
    assert bo[:4] == ["Bo Berg", "bo", "0", ""]
    assert bo[4::2] == ["Not started"] * 4


def test_the_xlsx_opens_with_numbers_as_numbers(client, room):
    client.force_login(room.teacher_x)
    response = client.get(export_url(room.cohort_x, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == HEADINGS
    anna, bo = rows[1:]
    assert anna[:3] == ["Anna Aalto", "anna", 25]
    assert anna[3] is not None and anna[3].year >= 2024
    assert anna[4:8] == ["Completed", None, "In progress", 80]
    assert bo[3] is None


def test_text_that_a_spreadsheet_would_run_stays_text(client, room):
    mallory = person("mallory", '=HYPERLINK("http://evil")', "")
    room.cohort_x.members.add(mallory)
    client.force_login(room.teacher_x)
    rows = list(
        csv.reader(io.StringIO(client.get(export_url(room.cohort_x, "csv")).content.decode("utf-8-sig")))
    )
    assert [row[0] for row in rows if "HYPERLINK" in row[0]] == ['\'=HYPERLINK("http://evil")']
    sheet = load_workbook(io.BytesIO(client.get(export_url(room.cohort_x, "xlsx")).content)).active
    names = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://evil")' in names


def test_an_unknown_format_is_not_found(client, room):
    client.force_login(room.teacher_x)
    assert client.get(export_url(room.cohort_x, "pdf")).status_code == 404


def test_another_teachers_cohort_cannot_be_exported(client, room):
    client.force_login(room.teacher_y)
    assert client.get(export_url(room.cohort_x, "csv")).status_code == 404
    assert client.get(export_url(room.cohort_x, "xlsx")).status_code == 404
