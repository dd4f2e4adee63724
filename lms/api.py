"""The LMS API under /api/lms/: post learning statements, read one's progress, read a cohort's.

Views translate HTTP to the services and back: statements go through
``lms.statements.from_xapi`` and ``lms.progress.record`` (the one path), course
progress through ``lms.outline``. Auth is a Wagtail API token
(``Authorization: Bearer <token>``, no CSRF) or the site session (CSRF enforced
for unsafe methods). A batch of statements is all or nothing; its checks are in
``lms.api_statement_checks``.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import Throttled

from lms import api_schemas as out
from lms.api_auth import API_AUTH
from lms.api_statement_checks import (
    MAX_BATCH,
    ApiError,
    Checked,
    TakenId,
    check_all,
    read_json,
    record_lesson_statements,
)
from lms.api_throttle import StatementThrottle
from lms.dashboard import CohortMatrix, cohort_matrix
from lms.models import Cohort, CoursePage, Enrolment
from lms.models.courses import course_of
from lms.outline import course_outline
from lms.permissions import can_view_cohort
from website.languages import is_language
from website.ratelimits import throttled_message

api = NinjaAPI(
    title="Nordpeer LMS API",
    version="1.0.0",
    description=(
        "Learning statements and progress. Authenticate with the site session (send the CSRF token "
        "in X-CSRFToken for POST) or with an API token: `Authorization: Bearer <token>`."
    ),
    urls_namespace="lms_api",
    auth=API_AUTH,
)


@api.exception_handler(ApiError)
def api_error(request, error: ApiError):
    return api.create_response(request, {"detail": error.detail, "errors": error.errors}, status=error.status)


@api.exception_handler(Throttled)
def throttled(request, error: Throttled):
    # Ninja adds Retry-After; the message is ours, in the reader's language.
    detail = throttled_message(error.wait or 60)
    return api.create_response(request, {"detail": detail, "errors": []}, status=429)


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
    data = read_json(request)
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ApiError(400, _("The list of statements is empty."))
    if len(items) > MAX_BATCH:
        raise ApiError(400, _("At most %(limit)s statements can be sent at once.") % {"limit": MAX_BATCH})
    checked = check_all(items, request.user)
    stored, again, progress, completed = [], [], {}, []
    # One call of the progress path per lesson: a few queries for the batch, not per statement.
    by_lesson: dict[uuid.UUID, list[Checked]] = {}
    for item in checked:
        by_lesson.setdefault(item.statement.lesson_key, []).append(item)
    outcome: dict[int, object] = {}
    try:
        with transaction.atomic():
            for items_of_lesson in by_lesson.values():
                for item, recorded in zip(
                    items_of_lesson, record_lesson_statements(items_of_lesson), strict=True
                ):
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
