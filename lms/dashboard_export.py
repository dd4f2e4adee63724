"""The cohort × lesson matrix as a spreadsheet: CSV and XLSX from one table definition."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lms.dashboard import CohortMatrix

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UnknownExportFormat(ValueError):
    """Only the formats in ``FORMATS`` can be exported."""


def matrix_table(matrix: CohortMatrix) -> tuple[list[str], list[list]]:
    """Headings and rows: a participant per row, a status and a score column per lesson."""
    headings = [_("Participant"), _("Username"), _("Required lessons completed (%)"), _("Last activity")]
    for column in matrix.columns:
        headings += [
            _("%(lesson)s: status") % {"lesson": column.title},
            _("%(lesson)s: best score (%%)") % {"lesson": column.title},
        ]
    rows = []
    for row in matrix.rows:
        last = (
            timezone.localtime(row.last_statement_at).replace(tzinfo=None) if row.last_statement_at else None
        )
        values: list = [row.name, row.learner.get_username(), row.percent, last]
        for cell in row.cells:
            values += [cell.status_label, cell.score_percent]
        rows.append(values)
    return headings, rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _safe(value):
    """Text that a spreadsheet would take for a formula is kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def matrix_csv(matrix: CohortMatrix) -> bytes:
    headings, rows = matrix_table(matrix)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_safe(heading) for heading in headings])
    for row in rows:
        writer.writerow([_text(_safe(value)) for value in row])
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def matrix_xlsx(matrix: CohortMatrix) -> bytes:
    headings, rows = matrix_table(matrix)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Progress")[:31])
    sheet.append([_safe(heading) for heading in headings])
    for row in rows:
        sheet.append([_safe(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(matrix: CohortMatrix, file_format: str) -> HttpResponse:
    if file_format not in FORMATS:
        raise UnknownExportFormat(
            _("Cannot export as %(format)s; choose CSV or XLSX.") % {"format": file_format[:20]}
        )
    content = matrix_csv(matrix) if file_format == "csv" else matrix_xlsx(matrix)
    name = slugify(matrix.cohort.name) or "cohort"
    filename = f"{name}-{timezone.localdate().isoformat()}.{file_format}"
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
