"""The one path for learning events: record a statement, advance the learner's lesson state.

Every adapter (lesson views, tracked videos, knowledge checks, the statement API,
H5P and SCORM) builds a ``Statement`` and calls ``record``. Nothing else writes
``LearningStatement`` or ``LessonProgress``.

Browsers send events in parallel and out of order, so the state is advanced under
a row lock from the stored row, never from a copy read earlier, and every rule is
monotonic: a status only moves forwards, a pass stays a pass, the best score only
rises, and the resume position follows the newest timestamp, not the newest request.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connections, router, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import lrs
from lms.models import (
    Enrolment,
    LearningStatement,
    LessonPage,
    LessonProgress,
    ProgressStatus,
)
from lms.models.courses import course_of
from lms.progress_rules import LessonRule, LessonState, advance
from lms.statements import Statement, StatementError, Verb, lesson_statement
from website.compiled_query import CompiledQuery, CompiledUpdate


class UnknownLesson(StatementError):
    """The statement names a lesson that does not exist (or is not published)."""


class StatementIdTaken(StatementError):
    """The statement's id is stored for another learner: it is not "already recorded" for this one."""


@dataclass(frozen=True)
class Recorded:
    progress: LessonProgress
    #: False when the statement id had been recorded before: nothing changed.
    new: bool
    course_completed: bool = False


def lesson_for(lesson_key: uuid.UUID) -> LessonPage:
    lesson = LessonPage.objects.live().filter(translation_key=lesson_key).select_related("locale").first()
    if lesson is None:
        raise UnknownLesson(_("There is no published lesson %(key)s.") % {"key": lesson_key})
    return lesson


def record(statement: Statement, lesson: LessonPage | None = None) -> Recorded:
    """Append ``statement`` to the learning record and advance its learner's lesson state.

    The same statement id twice counts once; statements may arrive in any order.
    """
    return record_all([statement], lesson)[0]


def record_all(
    statements: list[Statement],
    lesson: LessonPage | None = None,
    *,
    course_key: uuid.UUID | None = None,
    locked: LessonProgress | None = None,
    savepoint: bool = True,
) -> list[Recorded]:
    """``record`` for several statements of one learner about one lesson, in their order.

    A fixed handful of queries whatever their number: the progress row locked, the statements
    inserted at once (those whose id is stored already are left out and counted once), the
    progress and the enrolment's Continue written once. ``course_key``: the lesson's course when
    the caller has just looked it up; ``locked``: the progress row when the caller has locked it
    (``lock_progress``) in its transaction already. ``savepoint=False`` inside a caller's
    transaction that rolls back on any error anyway (a batch that is all or nothing).
    """
    if not statements:
        return []
    first = statements[0]
    if any((s.user_id, s.lesson_key) != (first.user_id, first.lesson_key) for s in statements):
        raise ValueError("record_all takes the statements of one learner about one lesson.")
    lesson = lesson or lesson_for(first.lesson_key)
    course = None
    if course_key is None:
        course = course_of(lesson)
        course_key = course.translation_key
    with transaction.atomic(savepoint=savepoint):
        # The lock first: this learner's writes about this lesson go one at a time from here.
        progress = locked or lock_progress(first.user_id, first.lesson_key, course_key)
        inserted = _insert_statements(statements, course_key)
        new, seen = [], set()
        for statement in statements:
            is_new = statement.id in inserted and statement.id not in seen
            seen.add(statement.id)
            new.append(is_new)
        _refuse_ids_of_others([s.id for s, is_new in zip(statements, new, strict=True) if not is_new], first)
        fresh = [s for s, is_new in zip(statements, new, strict=True) if is_new]
        if not fresh:
            return [Recorded(progress=progress, new=False) for _statement in statements]
        lrs.forward_after_commit([s.id for s in fresh])
        rule = LessonRule.of(lesson)
        state = LessonState.of(progress)
        completing = None
        for statement in fresh:
            was_completed = state.status == ProgressStatus.COMPLETED
            state = advance(state, statement, rule)
            if not was_completed and state.status == ProgressStatus.COMPLETED:
                completing = statement
        for name, value in vars(state).items():
            setattr(progress, name, value)
        _SAVE_PROGRESS.save(progress)
        # The newest event (the later one of equal moments) points Continue, as one by one would.
        _note_last_lesson(max(reversed(fresh), key=lambda s: s.timestamp), course_key, progress)
        course_completed = False
        if completing is not None:
            course = course or course_of(lesson)
            course_completed = _complete_course_if_done(first.user_id, course, completing.timestamp)
    return [
        Recorded(progress=progress, new=is_new, course_completed=course_completed and s is completing)
        for s, is_new in zip(statements, new, strict=True)
    ]


def progress_to_lock(user_id: int, lesson_key: uuid.UUID, course_key: uuid.UUID):
    """The queryset ``lock_progress`` runs: the row locked, with where Continue points.

    For a caller that locks it in a query of its own with more in it (a SCORM commit's attempt).
    """
    enrolment = Enrolment.objects.filter(user_id=OuterRef("user_id"), course_key=course_key)
    return (
        LessonProgress.objects.select_for_update(of=("self",))
        .filter(user_id=user_id, lesson_key=lesson_key)
        .annotate(
            continue_key=Subquery(enrolment.values("last_lesson_key")[:1]),
            continue_at=Subquery(enrolment.values("last_activity_at")[:1]),
        )
    )


#: Every commit and statement batch writes the learner's progress: its UPDATE written once.
_SAVE_PROGRESS = CompiledUpdate(LessonProgress)
#: Every commit and statement batch takes this lock: compiled once (website.compiled_query).
_LOCKED_PROGRESS = CompiledQuery(progress_to_lock, user_id=int, lesson_key=uuid.UUID, course_key=uuid.UUID)


def lock_progress(user_id: int, lesson_key: uuid.UUID, course_key: uuid.UUID) -> LessonProgress:
    """A learner's progress row in a lesson, made if need be and locked until the transaction ends.

    Everything one learner writes about one lesson goes one at a time behind this lock. Read with
    it, in the same query: where the enrolment's Continue points (``continue_key``, ``continue_at``).
    Other rows to read under the lock need a query of their own, made after it: PostgreSQL reads
    the rest of a statement that waited for a lock as it was when the statement began.
    """
    values = {"user_id": user_id, "lesson_key": lesson_key, "course_key": course_key}
    found = _LOCKED_PROGRESS.instances(**values)
    if not found:
        # Two first events at once: one row is made, the other waits for it below.
        LessonProgress.objects.bulk_create(
            [LessonProgress(user_id=user_id, lesson_key=lesson_key, course_key=course_key)],
            ignore_conflicts=True,
        )
        found = _LOCKED_PROGRESS.instances(**values)
    return found[0]


def _insert_statements(statements: list[Statement], course_key: uuid.UUID) -> set[uuid.UUID]:
    """Insert the statements in one query, skipping ids stored already; the ids inserted."""
    rows = [
        LearningStatement(
            statement_id=s.id,
            user_id=s.user_id,
            verb=s.verb,
            lesson_key=s.lesson_key,
            course_key=course_key,
            activity=s.activity,
            language=s.language,
            score_scaled=s.result.score_scaled,
            score_raw=s.result.score_raw,
            score_min=s.result.score_min,
            score_max=s.result.score_max,
            success=s.result.success,
            completion=s.result.completion,
            duration_seconds=s.result.duration_seconds,
            extensions=s.result.extensions,
            authority_id=s.authority_id,
            timestamp=s.timestamp,
        )
        for s in statements
    ]
    # bulk_create(ignore_conflicts=True) cannot tell which rows it skipped; RETURNING can
    # (PostgreSQL, SQLite 3.35+): INSERT ... ON CONFLICT DO NOTHING / INSERT OR IGNORE.
    fields = [f for f in LearningStatement._meta.concrete_fields if not f.primary_key]
    query = InsertQuery(LearningStatement, on_conflict=OnConflict.IGNORE)
    query.insert_values(fields, rows)
    connection = connections[router.db_for_write(LearningStatement)]
    [(sql, params)] = query.get_compiler(connection=connection).as_sql()
    column = connection.ops.quote_name(LearningStatement._meta.get_field("statement_id").column)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} RETURNING {column}", params)
        return {uuid.UUID(str(value)) for (value,) in cursor.fetchall()}


def _refuse_ids_of_others(ids: list[uuid.UUID], first: Statement) -> None:
    """Ids not inserted are stored already: fine if this learner's ("sent again"), refused if not."""
    if not ids:
        return
    owners = LearningStatement.objects.filter(statement_id__in=ids).exclude(user_id=first.user_id)
    taken = owners.values_list("statement_id", flat=True).first()
    if taken is not None:
        # Checked here, in the transaction that found the id taken, not only by callers before it.
        raise StatementIdTaken(
            _("The statement id %(id)s is already recorded for someone else.") % {"id": taken}
        )


#: A lesson opened again this soon after the learner's last activity in it, while Continue already
#: points at it, is not recorded again: that view changes nothing anyone sees, and a write on every
#: page view made reading a lesson as costly as saving work. Continue itself, pointing at a lesson,
#: is not written again for an event in it this soon after (``_note_last_lesson``).
VISIT_QUIET_PERIOD = timedelta(minutes=10)


def record_visit(
    user, lesson: LessonPage, progress: LessonProgress | None, enrolment: Enrolment | None
) -> LessonProgress | None:
    """Record that an enrolled ``user`` opened ``lesson`` when it changes something; the progress to show.

    A visit is recorded the first time, whenever Continue points elsewhere, and after the quiet period.
    """
    quiet = (
        progress is not None
        and progress.activities.get("lesson", {}).get("viewed")
        and enrolment is not None
        and enrolment.last_lesson_key == lesson.translation_key
        and progress.last_activity_at is not None
        and timezone.now() - progress.last_activity_at < VISIT_QUIET_PERIOD
    )
    if quiet:
        return progress
    return record(lesson_statement(user.pk, lesson, Verb.EXPERIENCED), lesson=lesson).progress


def _note_last_lesson(statement: Statement, course_key: uuid.UUID, progress: LessonProgress) -> None:
    """Point the enrolment's Continue at this lesson unless a newer event already moved it.

    Not written again while it points at this lesson from less than ``VISIT_QUIET_PERIOD`` before
    (as read with the progress lock): a learner working through one lesson sends an event every few
    seconds, and only the moment, which orders "My learning", would move. An event in another
    lesson of the course at that same moment may leave Continue there; the next event puts it right.
    """
    since = getattr(progress, "continue_at", None)
    if (
        getattr(progress, "continue_key", None) == statement.lesson_key
        and since is not None
        and statement.timestamp - since < VISIT_QUIET_PERIOD
    ):
        return
    Enrolment.objects.filter(user_id=statement.user_id, course_key=course_key).filter(
        Q(last_activity_at__isnull=True) | Q(last_activity_at__lte=statement.timestamp)
    ).update(last_lesson_key=statement.lesson_key, last_activity_at=statement.timestamp)


def _complete_course_if_done(user_id: int, course, moment: datetime) -> bool:
    from lms.outline import required_lesson_keys

    required = required_lesson_keys(course)
    done = LessonProgress.objects.filter(
        user_id=user_id, lesson_key__in=required, status=ProgressStatus.COMPLETED
    ).count()
    if done < len(required):
        return False
    updated = Enrolment.objects.filter(
        user_id=user_id, course_key=course.translation_key, completed_at__isnull=True
    ).update(completed_at=moment)
    return bool(updated)
