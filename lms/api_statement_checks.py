"""Reading and checking a statements request: its JSON, each statement's lesson, language and
bounds, and recording one lesson's statements (lms.api's POST /statements).

Every check answers with an ``ApiError`` naming the statement at fault; nothing is recorded
until every statement has passed.
"""

import uuid
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _

from lms import bounds
from lms.lesson_access import live_lessons_with_course
from lms.models import LearningStatement, LessonPage
from lms.progress import StatementIdTaken, UnknownLesson, record_all
from lms.statement_policy import check_client_statement
from lms.statements import Statement, StatementError, from_xapi
from website.languages import is_language

MAX_BATCH = 50


class ApiError(Exception):
    """An answer other than success; ``errors`` says which statements were at fault and why."""

    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or []


def max_statement_bytes() -> int:
    return getattr(settings, "LMS_MAX_STATEMENT_BYTES", 64 * 1024)


def read_json(request):
    limit = max_statement_bytes()
    too_big = ApiError(
        413, _("The body is larger than %(limit)s bytes; send fewer statements at once.") % {"limit": limit}
    )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise too_big
    try:
        body = request.body
    except RequestDataTooBig:
        raise too_big from None
    if len(body) > limit:
        raise too_big
    try:
        return bounds.load_json(body)
    except bounds.InputError as error:
        raise ApiError(400, str(error)) from None


@dataclass
class Checked:
    statement: Statement
    lesson: LessonPage
    index: int = 0


def _language(data, lesson: LessonPage) -> str:
    context = data.get("context") if isinstance(data, dict) else None
    wanted = context.get("language") if isinstance(context, dict) else None
    if wanted is None:
        return lesson.locale.language_code
    code = str(wanted).split("-")[0].lower()
    if not is_language(code):
        raise StatementError(_("context.language is not one of the site's languages."))
    return code


def _lesson_of(lesson_key: uuid.UUID, user, lessons: dict) -> LessonPage:
    """The statement's lesson with its course key and the user's enrolment, once per lesson per request."""
    if lesson_key not in lessons:
        found = live_lessons_with_course(lesson_key, user.pk)
        # The first translation made, as lesson_for() reads it.
        lessons[lesson_key] = found[0] if found else None
    if lessons[lesson_key] is None:
        raise UnknownLesson(_("There is no published lesson %(key)s.") % {"key": lesson_key})
    return lessons[lesson_key]


def _check(index: int, data, user, lessons: dict) -> Checked:
    """One posted statement, checked; raises ApiError with the status for what is wrong."""
    try:
        statement = from_xapi(data, user_id=user.pk)
        lesson = _lesson_of(statement.lesson_key, user, lessons)
        statement = replace(statement, language=_language(data, lesson))
    except UnknownLesson as error:
        raise ApiError(404, str(error)) from None
    except StatementError as error:
        raise ApiError(400, str(error)) from None
    if lesson.course_key is None or not lesson.enrolled:
        raise ApiError(403, _("You are not enrolled in the course of this lesson."))
    try:
        check_client_statement(statement, lesson)
    except StatementError as error:
        raise ApiError(422, str(error)) from None
    return Checked(statement, lesson, index)


def _statement_id(data) -> str | None:
    return str(data.get("id"))[:64] if isinstance(data, dict) and data.get("id") is not None else None


def check_all(items: list, user) -> list[Checked]:
    lessons: dict[uuid.UUID, LessonPage] = {}
    checked, errors, first = [], [], None
    for index, data in enumerate(items):
        try:
            checked.append(_check(index, data, user, lessons))
        except ApiError as error:
            first = first or error
            errors.append({"index": index, "statement_id": _statement_id(data), "message": error.detail})
    ids = [item.statement.id for item in checked]
    taken = LearningStatement.objects.filter(statement_id__in=ids).exclude(user=user)
    for statement_id in taken.values_list("statement_id", flat=True):
        index = ids.index(statement_id)
        first = first or ApiError(409, "")
        errors.append({"index": index, "statement_id": str(statement_id), "message": _("This id is taken.")})
    if errors:
        errors.sort(key=lambda error: error["index"])
        detail = _("Nothing was recorded: %(count)s of %(total)s statements cannot be accepted.") % {
            "count": len(errors),
            "total": len(items),
        }
        raise ApiError(first.status, detail, errors)
    return checked


class TakenId(Exception):
    def __init__(self, error: dict):
        self.error = error


def record_lesson_statements(items: list[Checked]):
    """Record one lesson's statements; the whole request rolls back if any id is someone else's."""
    first = items[0]
    try:
        return record_all(
            [item.statement for item in items],
            first.lesson,
            course_key=first.lesson.course_key,
            savepoint=False,
        )
    except StatementIdTaken as error:
        index = next((item.index for item in items if str(item.statement.id) in str(error)), first.index)
        statement_id = next(str(item.statement.id) for item in items if item.index == index)
        raise TakenId(
            {"index": index, "statement_id": statement_id, "message": _("This id is taken.")}
        ) from None
