"""The LMS API under /api/lms/: post learning statements, read one's progress, read a cohort's.

Views translate HTTP to the services and back: statements go through
``lms.statements.from_xapi`` and ``lms.progress.record`` (the one path), course
progress through ``lms.outline``. Auth is a Wagtail API token
(``Authorization: Bearer <token>``, no CSRF) or the site session (CSRF enforced
for unsafe methods). A batch of statements is all or nothing.
"""

import uuid
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import Throttled
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth

from lms import api_schemas as out
from lms import bounds
from lms.api_throttle import StatementThrottle
from lms.dashboard import CohortMatrix, cohort_matrix
from lms.lesson_access import live_lessons_with_course
from lms.models import Cohort, CoursePage, Enrolment, LearningStatement, LessonPage
from lms.models.courses import course_of
from lms.outline import course_outline
from lms.permissions import can_view_cohort
from lms.progress import StatementIdTaken, UnknownLesson, record_all
from lms.statement_policy import check_client_statement
from lms.statements import Statement, StatementError, from_xapi
from website.languages import is_language
from website.ratelimits import throttled_message

MAX_BATCH = 50


class SessionUnlessToken(SessionAuth):
    """The site session, with Django's CSRF check; not for requests that present a token.

    A request with an ``Authorization`` header is judged by its token alone, so a wrong or
    revoked token is refused (401) even in a browser that also has a session.
    """

    def __call__(self, request):
        if "Authorization" in request.headers:
            return None
        return super().__call__(request)


api = NinjaAPI(
    title="Nordpeer LMS API",
    version="1.0.0",
    description=(
        "Learning statements and progress. Authenticate with the site session (send the CSRF token "
        "in X-CSRFToken for POST) or with an API token: `Authorization: Bearer <token>`."
    ),
    urls_namespace="lms_api",
    # Token first: a token request must not be held to the session's CSRF check.
    auth=[BearerTokenAuth(), SessionUnlessToken()],
)


class ApiError(Exception):
    """An answer other than success; ``errors`` says which statements were at fault and why."""

    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or []


@api.exception_handler(ApiError)
def api_error(request, error: ApiError):
    return api.create_response(request, {"detail": error.detail, "errors": error.errors}, status=error.status)


@api.exception_handler(Throttled)
def throttled(request, error: Throttled):
    # Ninja adds Retry-After; the message is ours, in the reader's language.
    detail = throttled_message(error.wait or 60)
    return api.create_response(request, {"detail": detail, "errors": []}, status=429)


def max_statement_bytes() -> int:
    return getattr(settings, "LMS_MAX_STATEMENT_BYTES", 64 * 1024)


def _read_json(request):
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


def _check_all(items: list, user) -> list[Checked]:
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


@api.post(
    "/statements",
    url_name="statements",
    summary="Record learning statements",
    description=(
        "One xAPI statement or a list of up to 50. The actor is always the authenticated user. "
        "All or nothing: if any statement is refused, nothing is recorded and `errors` names it. "
        "A statement id sent again is accepted and counted once."
    ),
    response={
        200: out.StatementsOut,
        400: out.ErrorOut,
        401: out.ErrorOut,
        403: out.ErrorOut,
        404: out.ErrorOut,
        409: out.ErrorOut,
        413: out.ErrorOut,
        422: out.ErrorOut,
        429: out.ErrorOut,
    },  # fmt: skip
    openapi_extra={"requestBody": out.STATEMENTS_REQUEST_BODY},
    throttle=[StatementThrottle()],
)
def post_statements(request):
    data = _read_json(request)
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ApiError(400, _("The list of statements is empty."))
    if len(items) > MAX_BATCH:
        raise ApiError(400, _("At most %(limit)s statements can be sent at once.") % {"limit": MAX_BATCH})
    checked = _check_all(items, request.user)
    stored, again, progress, completed = [], [], {}, []
    # One call of the progress path per lesson: a few queries for the batch, not per statement.
    by_lesson: dict[uuid.UUID, list[Checked]] = {}
    for item in checked:
        by_lesson.setdefault(item.statement.lesson_key, []).append(item)
    outcome: dict[int, object] = {}
    try:
        with transaction.atomic():
            for items_of_lesson in by_lesson.values():
                for item, recorded in zip(items_of_lesson, _record(items_of_lesson), strict=True):
                    outcome[item.index] = recorded
    except TakenId as taken:
        # Someone else's statement got this id between the check above and the write: all or nothing.
        detail = _("Nothing was recorded: %(count)s of %(total)s statements cannot be accepted.") % {
            "count": 1,
            "total": len(items),
        }
        raise ApiError(409, detail, [taken.error]) from None
    for item in checked:
        recorded = outcome[item.index]
        (stored if recorded.new else again).append(item.statement.id)
        if recorded.progress is not None:
            progress[item.statement.lesson_key] = recorded.progress
        if recorded.course_completed:
            completed.append(course_of(item.lesson).translation_key)
    return {
        "stored": stored,
        "already_stored": again,
        "progress": [_lesson_progress(p) for p in progress.values()],
        "courses_completed": completed,
    }


class TakenId(Exception):
    def __init__(self, error: dict):
        self.error = error


def _record(items: list[Checked]):
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


def _lesson_progress(progress) -> dict:
    return {
        "lesson": progress.lesson_key,
        "course": progress.course_key,
        "status": progress.status,
        "success": progress.success,
        "best_score": progress.best_score,
        "time_spent_seconds": progress.time_spent_seconds,
        "last_position": progress.last_position,
        "completed_at": progress.completed_at,
    }


def _reading_language(language: str | None) -> str:
    if language is None:
        return translation.get_language() or settings.LANGUAGE_CODE
    if not is_language(language):
        raise ApiError(
            400, _("“%(language)s” is not one of the site's languages.") % {"language": language[:20]}
        )
    return language


def _courses_by_key(keys) -> dict[uuid.UUID, CoursePage]:
    courses: dict[uuid.UUID, CoursePage] = {}
    source_first = CoursePage.objects.live().filter(translation_key__in=keys).select_related("locale")
    for course in sorted(source_first, key=lambda c: c.locale.language_code != settings.LANGUAGE_CODE):
        courses.setdefault(course.translation_key, course)
    return courses


@api.get("/progress", url_name="my_progress",
         response={200: out.MyProgressOut, 400: out.ErrorOut, 401: out.ErrorOut, 422: out.ValidationErrorOut},
         summary="My enrolments and progress")  # fmt: skip
def my_progress(request, language: str | None = None):
    """The signed-in learner's own enrolments, course progress and lesson progress.

    Titles are in ``language`` (or the request's language) along the fallback chain.
    """
    language = _reading_language(language)
    enrolments = list(Enrolment.objects.filter(user=request.user).order_by("enrolled_at"))
    courses = _courses_by_key([e.course_key for e in enrolments])
    entries = []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        if course is None:  # unpublished since: nothing to show or resume
            continue
        outline = course_outline(course, language, request.user)
        resume = outline.resume()
        entries.append(
            {
                "course": outline.key,
                "title": outline.course.title,
                "url": outline.course.get_url(request),
                "enrolled_at": enrolment.enrolled_at,
                "cohort": enrolment.cohort_id,
                "percent": outline.percent,
                "completed": outline.completed,
                "completed_at": enrolment.completed_at,
                "resume_lesson": resume.key if resume else None,
                "lessons": [
                    {
                        "lesson": lesson.key,
                        "module": module.key,
                        "title": lesson.page.title,
                        "required": lesson.required,
                        "locked": lesson.locked,
                        **_progress_fields(lesson.progress),
                    }
                    for module in outline.modules
                    for lesson in module.lessons
                ],
            }
        )
    return {"language": language, "enrolments": entries}


def _progress_fields(progress) -> dict:
    if progress is None:
        return {"status": "not_started", "success": "unknown", "best_score": None, "time_spent_seconds": 0}
    fields = _lesson_progress(progress)
    del fields["lesson"], fields["course"]
    return fields


@api.get("/cohorts/{cohort_id}/progress", url_name="cohort_progress",
         response={200: out.CohortProgressOut, 400: out.ErrorOut, 401: out.ErrorOut, 404: out.ErrorOut,
                   422: out.ValidationErrorOut},
         summary="A cohort's progress, for its teachers")  # fmt: skip
def cohort_progress(request, cohort_id: int, language: str | None = None):
    """Every participant's progress in each of the cohort's courses. Only for the cohort's teachers."""
    language = _reading_language(language)
    cohort = Cohort.objects.select_related("organisation").filter(pk=cohort_id).first()
    if cohort is None or not can_view_cohort(request.user, cohort):
        raise ApiError(404, _("There is no cohort %(id)s that you teach.") % {"id": cohort_id})
    return _matrix_data(cohort, cohort_matrix(cohort, language))


def _matrix_data(cohort: Cohort, matrix: CohortMatrix) -> dict:
    return {
        "id": cohort.pk,
        "name": cohort.name,
        "organisation": str(cohort.organisation) if cohort.organisation else None,
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "courses": [
            {
                "course": course.key,
                "title": course.title,
                "lessons": [
                    {
                        "lesson": lesson.key,
                        "title": lesson.title,
                        "module_title": lesson.module_title,
                        "required": lesson.required,
                    }  # fmt: skip
                    for lesson in course.lessons
                ],
            }
            for course in matrix.courses
        ],
        "learners": [
            {
                "id": row.learner.pk,
                "username": row.learner.get_username(),
                "name": row.name,
                "percent": row.percent,
                "last_statement_at": row.last_statement_at,
                "lessons": [
                    {
                        "lesson": cell.column.key,
                        "course": cell.column.course_key,
                        "status": cell.status,
                        "success": cell.success,
                        "best_score": cell.best_score,
                        "completed_at": cell.completed_at,
                    }  # fmt: skip
                    for cell in row.cells
                ],
            }
            for row in matrix.rows
        ],
    }
