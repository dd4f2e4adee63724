"""Learning statements as xAPI 1.0.3 JSON, for export and for an external LRS.

The actor is an account on this site named by a random pseudonym (``LearnerPseudonym``),
never the learner's e-mail or user name. Object ids are the lesson IRIs of
``lms.statements.activity_iri``; the course is the lesson's parent context activity.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet

from lms.models import CoursePage, LearnerPseudonym, LearningStatement, LessonPage
from lms.statements import activity_iri, format_duration

VERSION = "1.0.3"
ACTIVITY_TYPES = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "course": "http://adlnet.gov/expapi/activities/course",
    "knowledge_check": "http://adlnet.gov/expapi/activities/assessment",
    "tracked_video": "https://w3id.org/xapi/video/activity-type/video",
}
#: The site itself, as the authority of statements no teacher vouched for.
SYSTEM_ACCOUNT = "nordpeer"


def home_page() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def course_iri(course_key: uuid.UUID | str) -> str:
    return f"{home_page()}/xapi/courses/{course_key}"


def pseudonyms_for(user_ids: Iterable[int]) -> dict[int, str]:
    """Each learner's stable pseudonym, made on first use; two queries whatever the number."""
    wanted = set(user_ids)
    known = dict(LearnerPseudonym.objects.filter(user_id__in=wanted).values_list("user_id", "pseudonym"))
    missing = wanted - set(known)
    if missing:
        LearnerPseudonym.objects.bulk_create(
            [LearnerPseudonym(user_id=user_id) for user_id in missing], ignore_conflicts=True
        )
        known.update(LearnerPseudonym.objects.filter(user_id__in=missing).values_list("user_id", "pseudonym"))
    return {user_id: str(pseudonym) for user_id, pseudonym in known.items()}


def titles_for(model: type[CoursePage] | type[LessonPage], keys: Iterable[uuid.UUID]) -> dict:
    """{translation_key: {language: title}} of the live pages, in one query."""
    titles: dict = {}
    pages = model.objects.live().filter(translation_key__in=set(keys))
    for key, language, title in pages.values_list("translation_key", "locale__language_code", "title"):
        titles.setdefault(key, {})[language] = title
    return titles


def agent(pseudonym: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": home_page(), "name": pseudonym}}


def _verb(iri: str) -> dict:
    return {"id": iri, "display": {"en": iri.rstrip("/").rsplit("/", 1)[-1]}}


def _object(statement: LearningStatement, lesson_titles: dict[str, str]) -> dict:
    part = statement.activity.split(":", 1)[0]
    definition: dict = {}
    if part in ACTIVITY_TYPES:
        definition["type"] = ACTIVITY_TYPES[part]
    if statement.activity == "lesson" and lesson_titles:
        definition["name"] = dict(lesson_titles)
    target = {"objectType": "Activity", "id": activity_iri(statement.lesson_key, statement.activity)}
    if definition:
        target["definition"] = definition
    return target


def _result(statement: LearningStatement) -> dict | None:
    score = {
        name: value
        for name, value in (
            ("scaled", statement.score_scaled),
            ("raw", statement.score_raw),
            ("min", statement.score_min),
            ("max", statement.score_max),
        )
        if value is not None
    }
    result: dict = {}
    if score:
        result["score"] = score
    if statement.success is not None:
        result["success"] = statement.success
    if statement.completion is not None:
        result["completion"] = statement.completion
    if statement.duration_seconds is not None:
        result["duration"] = format_duration(statement.duration_seconds)
    # xAPI extension keys must be IRIs; anything else a browser sent stays out of the export.
    extensions = {key: value for key, value in (statement.extensions or {}).items() if _is_iri(key)}
    if extensions:
        result["extensions"] = extensions
    return result or None


def _is_iri(value: str) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://")) and " " not in value


def _context(statement: LearningStatement, course_titles: dict[str, str]) -> dict:
    course = {"objectType": "Activity", "id": course_iri(statement.course_key)}
    definition = {"type": ACTIVITY_TYPES["course"]}
    if course_titles:
        definition["name"] = dict(course_titles)
    course["definition"] = definition
    if statement.activity == "lesson":
        activities = {"parent": [course]}
    else:
        # A part of a lesson: the lesson is its parent, the course groups them.
        lesson = {"objectType": "Activity", "id": activity_iri(statement.lesson_key)}
        activities = {"parent": [lesson], "grouping": [course]}
    context: dict = {"contextActivities": activities, "platform": "Nordpeer"}
    if statement.language:
        context["language"] = statement.language
    return context


def to_xapi(
    statement: LearningStatement,
    *,
    pseudonyms: dict[int, str] | None = None,
    lesson_titles: dict | None = None,
    course_titles: dict | None = None,
) -> dict:
    """One stored statement as an xAPI 1.0.3 statement.

    The keyword arguments carry what ``export_statements`` looked up for many statements
    at once; without them the pseudonyms and titles are looked up for this one.
    """
    if pseudonyms is None:
        pseudonyms = pseudonyms_for(filter(None, (statement.user_id, statement.authority_id)))
    if lesson_titles is None:
        lesson_titles = titles_for(LessonPage, [statement.lesson_key])
    if course_titles is None:
        course_titles = titles_for(CoursePage, [statement.course_key])
    authority = agent(pseudonyms[statement.authority_id]) if statement.authority_id else agent(SYSTEM_ACCOUNT)
    data = {
        "id": str(statement.statement_id),
        "actor": agent(pseudonyms[statement.user_id]),
        "verb": _verb(statement.verb),
        "object": _object(statement, lesson_titles.get(statement.lesson_key, {})),
        "context": _context(statement, course_titles.get(statement.course_key, {})),
        "timestamp": statement.timestamp.isoformat(),
        "stored": statement.stored.isoformat(),
        "authority": authority,
        "version": VERSION,
    }
    result = _result(statement)
    if result:
        data["result"] = result
    return data


def export_statements(statements: QuerySet[LearningStatement]) -> list[dict]:
    """Many statements as xAPI in a handful of queries: pseudonyms and titles looked up once."""
    rows = list(statements)
    people = {row.user_id for row in rows} | {row.authority_id for row in rows if row.authority_id}
    pseudonyms = pseudonyms_for(people)
    lesson_titles = titles_for(LessonPage, {row.lesson_key for row in rows})
    course_titles = titles_for(CoursePage, {row.course_key for row in rows})
    return [
        to_xapi(row, pseudonyms=pseudonyms, lesson_titles=lesson_titles, course_titles=course_titles)
        for row in rows
    ]
