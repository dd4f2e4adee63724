"""The commit token of a SCORM attempt, and the attempt and lesson it opens, checked again on every commit.

The token signs the attempt's id, its learner's and its lesson's; a commit opens it with one query
(compiled once: website.compiled_query) for the attempt, whether its learner is still active and
whether they are enrolled in the lesson's course. A returning learner's commit asks it in the query
that locks their progress in the lesson (``open_attempt_token_for_commit``), which the commit needs
anyway. The lesson, its course and the package come from the content cache (website.kept_content).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core import signing
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from lms.content.choice import package_by_id
from lms.lesson_access import (
    block_ids,
    enrolled_in_course,
    lesson_in_language,
    lessons_with_course,
    live_lessons_with_course,
)
from lms.models import LessonPage, LessonProgress, ScormAttempt
from lms.models.courses import course_of
from lms.permissions import can_open_course_content
from lms.progress import progress_to_lock
from lms.scorm_cmi import CommitError
from website.compiled_query import CompiledQuery

ATTEMPT_SALT = "lms.scorm.attempt"


def attempt_token(attempt: ScormAttempt) -> str:
    """The credential in an attempt's commit URL: its id, its learner's and its lesson's, signed.

    The lesson's key lets a commit find the lesson (kept per content generation) before asking
    the database, and ask the attempt and the enrolment in one query.
    """
    return signing.dumps([attempt.pk, attempt.user_id, attempt.lesson_key.hex], salt=ATTEMPT_SALT)


def open_attempt_token(token: str) -> tuple[ScormAttempt, LessonPage]:
    """The attempt a commit token names and its lesson, checked again now; CommitError (403) if not."""
    attempt, lesson, _progress = _open(token, lock=False)
    return attempt, lesson


def open_attempt_token_for_commit(
    token: str, *, lock: bool
) -> tuple[ScormAttempt, LessonPage, LessonProgress | None]:
    """``open_attempt_token`` for a commit. With ``lock``, inside the commit's transaction: the
    learner's progress in the lesson locked (``lms.progress.lock_progress``) in the same query, or
    None when it could not be (a first commit, before there is a progress row; an old link) or
    was not asked: the commit locks it then.
    """
    return _open(token, lock=lock)


def _open(token: str, *, lock: bool) -> tuple[ScormAttempt, LessonPage, LessonProgress | None]:
    try:
        attempt_id, user_id, *named = signing.loads(
            token, salt=ATTEMPT_SALT, max_age=settings.LMS_CONTENT_GRANT_MAX_AGE
        )
        lesson_key = uuid.UUID(named[0]) if named else None
    except signing.SignatureExpired:
        raise CommitError(_("This SCORM session has expired: reload the lesson."), status=403) from None
    except (signing.BadSignature, ValueError, TypeError, AttributeError):
        raise CommitError(_("This SCORM link is not valid."), status=403) from None
    # The lesson and its course come from the content cache.
    lessons = lessons_with_course(lesson_key) if lesson_key else []
    course_keys = {lesson.course_key for lesson in lessons if lesson.course_key is not None}
    progress = None
    if lock and lesson_key is not None and len(course_keys) == 1:
        attempt, progress = _lock_with_attempt(attempt_id, user_id, lesson_key, next(iter(course_keys)))
    if progress is None:
        attempt = _find_attempt(attempt_id, user_id, lesson_key, course_keys)
    if attempt is None:
        raise CommitError(_("This SCORM link is not valid."), status=403)
    if lesson_key is None or len(course_keys) > 1:
        # A link made before the lesson was in it, or a lesson whose copies are in different courses.
        lessons = live_lessons_with_course(attempt.lesson_key, user_id)
    else:
        for lesson in lessons:
            lesson.enrolled = attempt.enrolled and lesson.course_key is not None
    lesson = lesson_in_language(lessons, attempt.package.language)
    if lesson is None or lesson.course_key is None or not _may_open(attempt, lesson):
        raise CommitError(_("You no longer have access to this lesson."), status=403)
    if attempt.activity not in block_ids(lesson, "interactive"):
        raise CommitError(_("This content is no longer part of the lesson."), status=403)
    return attempt, lesson, progress


def _attempt_in_course(attempt_id: int, user_id: int, lesson_key: uuid.UUID, course_key: uuid.UUID):
    attempts = ScormAttempt.objects.filter(
        pk=attempt_id, user_id=user_id, user__is_active=True, lesson_key=lesson_key
    )
    return attempts.annotate(enrolled=enrolled_in_course(OuterRef("user_id"), {course_key}))


#: Every commit asks it: compiled once (website.compiled_query).
_ATTEMPT_IN_COURSE = CompiledQuery(
    _attempt_in_course, attempt_id=int, user_id=int, lesson_key=uuid.UUID, course_key=uuid.UUID
)


def _find_attempt(attempt_id, user_id, lesson_key, course_keys: set) -> ScormAttempt | None:
    """The attempt, if its learner is still active, and whether they are enrolled in the lesson's
    course, in one query; its package as it is now, from the content cache."""
    if lesson_key is not None and len(course_keys) == 1:
        found = _ATTEMPT_IN_COURSE.instances(
            attempt_id=attempt_id, user_id=user_id, lesson_key=lesson_key, course_key=next(iter(course_keys))
        )
        attempt = found[0] if found else None
        if attempt is not None:
            attempt.package = package_by_id(attempt.package_id)
        return attempt
    # A link made before the lesson was in it, or a lesson whose copies are in different courses.
    attempts = ScormAttempt.objects.select_related("package", "user").filter(
        pk=attempt_id, user_id=user_id, user__is_active=True
    )
    if lesson_key is not None:
        attempts = attempts.filter(lesson_key=lesson_key).annotate(
            enrolled=enrolled_in_course(OuterRef("user_id"), course_keys)
        )
    return attempts.first()


#: The attempt's columns a commit reads, asked in the lock's query (``sequencing_state`` is left
#: deferred: a commit does not read it).
ATTEMPT_COLUMNS = ("activity", "package_id", "number", "started_at", "updated_at", "finished_at")


def _progress_with_attempt(attempt_id: int, user_id: int, lesson_key: uuid.UUID, course_key: uuid.UUID):
    attempt = ScormAttempt.objects.filter(pk=attempt_id, user_id=user_id, lesson_key=lesson_key)
    columns = {f"attempt_{name}": Subquery(attempt.values(name)[:1]) for name in ATTEMPT_COLUMNS}
    return (
        progress_to_lock(user_id, lesson_key, course_key)
        .filter(user__is_active=True)
        .annotate(enrolled=enrolled_in_course(OuterRef("user_id"), {course_key}), **columns)
    )


#: Every returning learner's commit asks it: compiled once (website.compiled_query).
_PROGRESS_WITH_ATTEMPT = CompiledQuery(
    _progress_with_attempt, attempt_id=int, user_id=int, lesson_key=uuid.UUID, course_key=uuid.UUID
)


def _lock_with_attempt(attempt_id, user_id, lesson_key, course_key):
    """The learner's progress in the lesson locked, and the attempt, in one query; (None, None) when
    there is no progress row to lock yet or no such attempt of an active learner."""
    found = _PROGRESS_WITH_ATTEMPT.instances(
        attempt_id=attempt_id, user_id=user_id, lesson_key=lesson_key, course_key=course_key
    )
    if not found or found[0].attempt_activity is None:
        return None, None
    progress = found[0]
    known = {"id": attempt_id, "user_id": user_id, "lesson_key": lesson_key}
    known.update({name: getattr(progress, f"attempt_{name}") for name in ATTEMPT_COLUMNS})
    # from_db takes the loaded columns in the model's order; the others are deferred.
    names = [field.attname for field in ScormAttempt._meta.concrete_fields if field.attname in known]
    attempt = ScormAttempt.from_db(progress._state.db, names, [known[name] for name in names])
    attempt.enrolled = progress.enrolled
    attempt.package = package_by_id(attempt.package_id)
    return attempt, progress


def _may_open(attempt: ScormAttempt, lesson: LessonPage) -> bool:
    """``can_open_course_content`` for the attempt's learner, asked of the database (their account
    too) only for those not enrolled (teachers, admins)."""
    return lesson.enrolled or can_open_course_content(attempt.user, course_of(lesson))
