"""The teacher dashboard's data: a cohort's participants × lessons, activity and progress spread.

One definition of the matrix, used by the site views, the admin report and the exports.
It costs a fixed number of queries per course of the cohort, whatever the number of
participants and lessons: the structure comes from ``course_outline``, the progress of
every participant from one query, their latest statement from another.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import (
    Cohort,
    CohortMembership,
    CompletionRule,
    CoursePage,
    LearningStatement,
    LessonPage,
    LessonProgress,
    ProgressStatus,
    SuccessStatus,
)
from lms.outline import course_outline
from lms.progress import Recorded, record
from lms.statements import Statement, Verb

#: Inactivity threshold when the teacher has not chosen one.
DEFAULT_INACTIVE_DAYS = 14
#: Width of one bar of the progress distribution, in percentage points.
BUCKET_WIDTH = 20
#: Namespace of the statement ids of teacher completions: marking one lesson twice counts once.
TEACHER_DONE_NAMESPACE = uuid.UUID("5b0f5a55-4a8e-4d5e-9a3f-7c1d2b9e6f10")


class MarkDoneRefused(ValueError):
    """A teacher asked to complete a lesson they may not complete for this participant."""


@dataclass(frozen=True)
class LessonColumn:
    """One lesson of the cohort's courses, titled in the teacher's language."""

    key: uuid.UUID
    course_key: uuid.UUID
    page: LessonPage
    module_title: str
    required: bool

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def teacher_marks_done(self) -> bool:
        return self.page.completion_rule == CompletionRule.TEACHER_MARKS_DONE


@dataclass(frozen=True)
class CourseColumns:
    key: uuid.UUID
    page: CoursePage
    lessons: list[LessonColumn]

    @property
    def title(self) -> str:
        return self.page.title


@dataclass(slots=True)
class Cell:
    """One participant's state in one lesson. Shared between rows where it is the same, so never changed."""

    column: LessonColumn
    status: str = ProgressStatus.NOT_STARTED
    success: str = SuccessStatus.UNKNOWN
    best_score: float | None = None
    completed_at: datetime | None = None
    #: The status in words, e.g. "Completed" (looked up once per matrix, not per cell).
    status_label: str = ""
    #: "Passed" or "Failed"; empty when the lesson was not assessed.
    success_label: str = ""

    @property
    def completed(self) -> bool:
        return self.status == ProgressStatus.COMPLETED

    @property
    def score_percent(self) -> int | None:
        return None if self.best_score is None else round(self.best_score * 100)

    @property
    def can_be_marked_done(self) -> bool:
        return self.column.teacher_marks_done and not self.completed


@dataclass
class LearnerRow:
    learner: object
    cells: list[Cell]
    #: When the participant's latest statement in the cohort's courses happened; None: never.
    last_statement_at: datetime | None = None
    required_total: int = 0
    required_done: int = 0

    @property
    def name(self) -> str:
        return self.learner.get_full_name() or self.learner.get_username()

    @property
    def percent(self) -> int:
        """Share of required lessons completed, rounded down so that it never overstates."""
        total = self.required_total
        return 100 * self.required_done // total if total else 0

    def inactive_since(self, moment: datetime) -> bool:
        return self.last_statement_at is None or self.last_statement_at < moment


@dataclass(frozen=True)
class Bucket:
    """One bar of the progress distribution: participants with ``low`` ≤ percent ≤ ``high``."""

    low: int
    high: int
    count: int
    #: The count as a share of the largest bar, 0 to 100, for drawing.
    height: int

    @property
    def label(self) -> str:
        return _("%(low)s–%(high)s %%") % {"low": self.low, "high": self.high}


@dataclass
class CohortMatrix:
    cohort: Cohort
    language: str
    courses: list[CourseColumns]
    rows: list[LearnerRow] = field(default_factory=list)

    @property
    def columns(self) -> list[LessonColumn]:
        return [lesson for course in self.courses for lesson in course.lessons]

    def row(self, learner_id: int) -> LearnerRow | None:
        return next((row for row in self.rows if row.learner.pk == learner_id), None)

    def column(self, lesson_key: uuid.UUID) -> LessonColumn | None:
        return next((column for column in self.columns if column.key == lesson_key), None)

    def inactive(self, days: int, now: datetime | None = None) -> list[LearnerRow]:
        """Participants with no statement in the last ``days`` days, those who never started included."""
        since = (now or timezone.now()) - timedelta(days=days)
        rows = [row for row in self.rows if row.inactive_since(since)]
        epoch = datetime.min.replace(tzinfo=since.tzinfo)
        return sorted(rows, key=lambda row: (row.last_statement_at or epoch, row.name))

    def distribution(self) -> list[Bucket]:
        """How many participants have completed 0–19 %, 20–39 %, ... 80–100 % of the required lessons."""
        counts = [0] * (100 // BUCKET_WIDTH)
        for row in self.rows:
            counts[min(row.percent // BUCKET_WIDTH, len(counts) - 1)] += 1
        largest = max(counts) or 1
        return [
            Bucket(
                low=index * BUCKET_WIDTH,
                high=100 if index == len(counts) - 1 else (index + 1) * BUCKET_WIDTH - 1,
                count=count,
                height=round(100 * count / largest),
            )
            for index, count in enumerate(counts)
        ]


def cohort_courses(cohort: Cohort) -> list[CoursePage]:
    """The cohort's courses, one per translation_key (a cohort may name a translation)."""
    courses: dict[uuid.UUID, CoursePage] = {}
    for course in cohort.courses.order_by("path"):
        courses.setdefault(course.translation_key, course)
    return list(courses.values())


def cohort_lessons(cohort: Cohort, language: str) -> list[CourseColumns]:
    """The lessons of the cohort's courses in course order, titled in ``language`` or its fallback."""
    result = []
    for course in cohort_courses(cohort):
        outline = course_outline(course, language)
        lessons = [
            LessonColumn(
                key=lesson.key,
                course_key=outline.key,
                page=lesson.page,
                module_title=module.page.title,
                required=lesson.required,
            )
            for module in outline.modules
            for lesson in module.lessons
        ]
        result.append(CourseColumns(key=outline.key, page=outline.course, lessons=lessons))
    return result


def participants(cohort: Cohort) -> QuerySet:
    return get_user_model().objects.filter(cohorts=cohort).order_by("last_name", "first_name", "username")


def _member_ids(cohort: Cohort) -> QuerySet:
    return CohortMembership.objects.filter(cohort=cohort).values("user_id")


def cohort_matrix(cohort: Cohort, language: str) -> CohortMatrix:
    """Every participant × every lesson of the cohort's courses, with status and best score."""
    matrix = CohortMatrix(cohort=cohort, language=language, courses=cohort_lessons(cohort, language))
    columns = matrix.columns
    course_keys = [course.key for course in matrix.courses]
    status_labels = {value: str(label) for value, label in ProgressStatus.choices}
    success_labels = {value: str(label) for value, label in SuccessStatus.choices}
    success_labels[SuccessStatus.UNKNOWN] = ""
    progress = {
        (user_id, lesson_key): (status, success, score, completed_at)
        for user_id, lesson_key, status, success, score, completed_at in LessonProgress.objects.filter(
            user_id__in=_member_ids(cohort), lesson_key__in=[column.key for column in columns]
        ).values_list("user_id", "lesson_key", "status", "success", "best_score", "completed_at")
    }
    latest = dict(
        LearningStatement.objects.filter(user_id__in=_member_ids(cohort), course_key__in=course_keys)
        .values("user_id")
        .annotate(latest=Max("timestamp"))
        .values_list("user_id", "latest")
    )
    # Lessons not started look the same for everyone: one cell per lesson serves every row.
    blank = [Cell(column, status_label=status_labels[ProgressStatus.NOT_STARTED]) for column in columns]
    required_total = sum(column.required for column in columns)
    for learner in participants(cohort):
        cells, done = [], 0
        for column, empty in zip(columns, blank, strict=True):
            state = progress.get((learner.pk, column.key))
            if state is None:
                cells.append(empty)
                continue
            status, success, score, completed_at = state
            labels = {"status_label": status_labels[status], "success_label": success_labels[success]}
            cells.append(Cell(column, status, success, score, completed_at, **labels))
            done += column.required and status == ProgressStatus.COMPLETED
        matrix.rows.append(
            LearnerRow(
                learner=learner,
                cells=cells,
                last_statement_at=latest.get(learner.pk),
                required_total=required_total,
                required_done=done,
            )
        )
    return matrix


def is_participant(cohort: Cohort, learner) -> bool:
    return CohortMembership.objects.filter(cohort=cohort, user=learner).exists()


def mark_done(teacher, cohort: Cohort, learner, lesson_key: uuid.UUID, language: str = "") -> Recorded:
    """Complete a teacher-marked lesson for a participant, through the one path (``record``).

    The caller has checked that ``teacher`` teaches ``cohort``; this checks the rest.
    """
    if not is_participant(cohort, learner):
        raise MarkDoneRefused(_("%(name)s is not a participant of this cohort.") % {"name": learner})
    courses = cohort_lessons(cohort, language)
    column = next(
        (lesson for course in courses for lesson in course.lessons if lesson.key == lesson_key), None
    )
    if column is None:
        raise MarkDoneRefused(_("This lesson is not part of the cohort's courses."))
    if not column.teacher_marks_done:
        raise MarkDoneRefused(
            _("“%(lesson)s” is completed by the participant's own work, not by a teacher.")
            % {"lesson": column.title}
        )
    statement = Statement(
        id=uuid.uuid5(TEACHER_DONE_NAMESPACE, f"{learner.pk}:{lesson_key}"),
        user_id=learner.pk,
        verb=Verb.COMPLETED,
        lesson_key=lesson_key,
        activity="lesson",
        language=language,
        authority_id=teacher.pk,
    )
    return record(statement, lesson=column.page)
