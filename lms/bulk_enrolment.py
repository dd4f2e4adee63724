"""Bulk enrolment of people into a cohort from a CSV file, with a report for every row.

The file format (also shown as help on the upload form):

- UTF-8, with or without a byte order mark; commas or semicolons between values
  (the header line decides which).
- A header line naming the columns, in any order and any letter case:
  ``email`` (required), ``name`` and ``language`` (both optional).
- One person per line. ``name`` is used only for a new account (first word(s) as
  first name, the last word as last name); ``language`` only for a new account's
  preferred language (one of settings.LANGUAGES).

Everyone listed is invited (lms.invitations): an e-mail with a one-time link to
accept, or, for someone without an account, to choose a password (the account is made
with username = the email and no usable password). They join the cohort and its
courses only when they accept. The report says "Invited" whether or not the address
had an account, so the file tells its uploader nothing about other people's accounts.

Every row is checked before anything changes; refused rows change nothing, the
accepted ones are applied together in one transaction. A file that is not UTF-8
text, has no email column, names an unknown column or is too large is refused
as a whole and changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.invitations import invite_by_email
from lms.models import Cohort
from website.languages import is_language

COLUMNS = ("email", "name", "language")


def max_rows() -> int:
    """How many people one file may list (setting ``LMS_BULK_ENROLMENT_MAX_ROWS``)."""
    return getattr(settings, "LMS_BULK_ENROLMENT_MAX_ROWS", 1000)


def max_bytes() -> int:
    """How large one file may be (setting ``LMS_BULK_ENROLMENT_MAX_BYTES``)."""
    return getattr(settings, "LMS_BULK_ENROLMENT_MAX_BYTES", 512 * 1024)


class BulkEnrolmentError(ValueError):
    """The file as a whole cannot be used; the message says why. Nothing was changed."""


class Outcome:
    INVITED = "invited"
    ALREADY_MEMBER = "already_member"
    REFUSED = "refused"


OUTCOME_LABELS = {
    Outcome.INVITED: gettext_lazy("Invited"),
    Outcome.ALREADY_MEMBER: gettext_lazy("Already in this cohort"),
    Outcome.REFUSED: gettext_lazy("Refused"),
}


@dataclass
class RowReport:
    line: int
    email: str
    name: str = ""
    language: str = ""
    outcome: str = ""
    message: str = ""

    @property
    def outcome_label(self) -> str:
        return str(OUTCOME_LABELS.get(self.outcome, ""))

    @property
    def refused(self) -> bool:
        return self.outcome == Outcome.REFUSED


@dataclass
class BulkReport:
    cohort: Cohort
    rows: list[RowReport] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(row.outcome == outcome for row in self.rows)

    @property
    def refused(self) -> int:
        return self.count(Outcome.REFUSED)


def decode(data: bytes) -> str:
    if len(data) > max_bytes():
        raise BulkEnrolmentError(
            _("The file is larger than %(limit)s KB. Split it into smaller files.")
            % {"limit": max_bytes() // 1024}
        )
    if b"\x00" in data:
        raise BulkEnrolmentError(_("This is not a CSV text file. Save the list as CSV (UTF-8)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BulkEnrolmentError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” in your spreadsheet program.")
        ) from None
    if not text.strip():
        raise BulkEnrolmentError(_("The file is empty."))
    return text


def read_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """``(columns, [(line number, values), ...])`` of a CSV text, the header checked."""
    header_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        lines = [(reader.line_num, values) for values in reader]
    except csv.Error as error:
        raise BulkEnrolmentError(
            _("The file is not valid CSV near line %(line)s: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from None
    lines = [(number, values) for number, values in lines if values]
    _first, header = lines[0]
    columns = [value.strip().lower() for value in header]
    unknown = [column for column in columns if column not in COLUMNS]
    if unknown:
        raise BulkEnrolmentError(
            _("Unknown column “%(column)s”. The columns are: email, name, language.")
            % {"column": unknown[0][:40]}
        )
    if "email" not in columns:
        raise BulkEnrolmentError(_("The first line must name the columns, and one must be “email”."))
    if len(set(columns)) != len(columns):
        raise BulkEnrolmentError(_("A column is named twice in the first line."))
    rows = lines[1:]
    if not rows:
        raise BulkEnrolmentError(_("The file has a header but no people."))
    if len(rows) > max_rows():
        raise BulkEnrolmentError(
            _("The file has %(count)s rows; at most %(limit)s can be enrolled at once.")
            % {"count": len(rows), "limit": max_rows()}
        )
    return columns, rows


def _check_row(row: RowReport, values: list[str], columns: list[str], seen: dict[str, int]) -> str:
    """Why the row is refused, or an empty string."""
    if len(values) > len(columns):
        return _("This row has more values than there are columns.")
    if not any(value.strip() for value in values):
        return _("The row is empty.")
    if not row.email:
        return _("The email address is missing.")
    try:
        validate_email(row.email)
    except ValidationError:
        return _("“%(email)s” is not a valid email address.") % {"email": row.email[:100]}
    if row.language and not is_language(row.language):
        return _("“%(language)s” is not one of the site's languages.") % {"language": row.language[:20]}
    if row.email.lower() in seen:
        return _("The same email address is on line %(line)s.") % {"line": seen[row.email.lower()]}
    return ""


def parse(data: bytes) -> list[RowReport]:
    """A report line per row; refused rows already carry their reason."""
    columns, lines = read_rows(decode(data))
    reports, seen = [], {}
    for number, values in lines:
        fields = dict(zip(columns, (value.strip() for value in values), strict=False))
        row = RowReport(
            line=number,
            email=fields.get("email", ""),
            name=fields.get("name", ""),
            language=fields.get("language", "").lower(),
        )
        reason = _check_row(row, values, columns, seen)
        if reason:
            row.outcome, row.message = Outcome.REFUSED, reason
        else:
            seen[row.email.lower()] = number
        reports.append(row)
    return reports


def bulk_enrol(cohort: Cohort, data: bytes, *, invited_by=None, base_url: str = "") -> BulkReport:
    """Invite the people listed in a CSV file into ``cohort`` and its courses.

    Raises ``BulkEnrolmentError`` for a file that cannot be used at all. The invitations
    are made in one transaction and e-mailed once it has committed.
    """
    report = BulkReport(cohort=cohort, rows=parse(data))
    members = {email.lower() for email in cohort.memberships.values_list("user__email", flat=True) if email}
    with transaction.atomic():
        for row in report.rows:
            if row.refused:
                continue
            if row.email.lower() in members:
                row.outcome = Outcome.ALREADY_MEMBER
                continue
            invite_by_email(
                cohort,
                row.email,
                name=row.name,
                language=row.language,
                invited_by=invited_by,
                base_url=base_url,
            )
            row.outcome = Outcome.INVITED
            row.message = _("They join when they accept the e-mailed invitation.")
    return report
