"""Shapes of the LMS API's requests and responses (they make its OpenAPI schema)."""

import uuid
from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class StatementErrorOut(Schema):
    #: Position of the statement in the posted list, from 0 (0 for a single statement).
    index: int
    statement_id: str | None = None
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[StatementErrorOut] = Field(default_factory=list)


class ValidationErrorOut(Schema):
    """A parameter that is not of its declared type (django-ninja's own answer, status 422)."""

    detail: list[dict]


class LessonProgressOut(Schema):
    lesson: uuid.UUID
    course: uuid.UUID
    status: str
    success: str
    best_score: float | None = None
    time_spent_seconds: float
    last_position: str = ""
    completed_at: datetime | None = None


class StatementsOut(Schema):
    #: Ids recorded by this request.
    stored: list[uuid.UUID]
    #: Ids that had been recorded before (sent again): counted once.
    already_stored: list[uuid.UUID]
    progress: list[LessonProgressOut]
    #: Courses completed by these statements.
    courses_completed: list[uuid.UUID]


class LessonOut(Schema):
    lesson: uuid.UUID
    module: uuid.UUID
    title: str
    required: bool
    locked: bool
    status: str
    success: str
    best_score: float | None = None
    time_spent_seconds: float
    last_position: str = ""
    completed_at: datetime | None = None


class EnrolmentOut(Schema):
    course: uuid.UUID
    title: str
    url: str | None = None
    enrolled_at: datetime
    cohort: int | None = None
    percent: int
    completed: bool
    completed_at: datetime | None = None
    resume_lesson: uuid.UUID | None = None
    lessons: list[LessonOut]


class MyProgressOut(Schema):
    language: str
    enrolments: list[EnrolmentOut]


class CohortLessonOut(Schema):
    lesson: uuid.UUID
    title: str
    module_title: str
    required: bool


class CohortCourseOut(Schema):
    course: uuid.UUID
    title: str
    lessons: list[CohortLessonOut]


class CellOut(Schema):
    lesson: uuid.UUID
    course: uuid.UUID
    status: str
    success: str
    best_score: float | None = None
    completed_at: datetime | None = None


class LearnerOut(Schema):
    id: int
    username: str
    name: str
    #: Share of the required lessons of all the cohort's courses completed (rounded down).
    percent: int
    last_statement_at: datetime | None = None
    lessons: list[CellOut]


class CohortProgressOut(Schema):
    """The teacher dashboard's matrix (``lms.dashboard.cohort_matrix``) as data."""

    id: int
    name: str
    organisation: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    courses: list[CohortCourseOut]
    learners: list[LearnerOut]


#: The statements body, for the OpenAPI schema (the view reads and checks the raw body itself,
#: so that a bad statement gets the message of ``lms.statements.from_xapi``).
STATEMENT_JSON_SCHEMA = {
    "type": "object",
    "required": ["verb", "object"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "verb": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        "object": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        "result": {"type": "object"},
        "context": {"type": "object", "properties": {"language": {"type": "string"}}},
        "timestamp": {"type": "string", "format": "date-time"},
    },
}
STATEMENTS_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    STATEMENT_JSON_SCHEMA,
                    {"type": "array", "items": STATEMENT_JSON_SCHEMA, "minItems": 1, "maxItems": 50},
                ]
            }
        }
    },
}
