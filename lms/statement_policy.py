"""Which statements a client (a browser, an integration) may send about itself.

The server decides what it grades: knowledge checks are scored by the server,
a lesson is completed from outside only when its rule lets the learner mark it
done, and no client claims a pass or a score for a lesson or a video. Each kind
of activity has its own check; later kinds (H5P, SCORM) register theirs in
``CLIENT_ACTIVITIES``. A kind with no check is refused.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from lms.content.access import chosen_package
from lms.content.choice import package_for_reader
from lms.models import CompletionRule, LessonPage, PackageKind
from lms.statements import Statement, StatementError, Verb


class RefusedStatement(StatementError):
    """A well-formed statement that a client may not send."""


def _no_grading(statement: Statement) -> None:
    result = statement.result
    if statement.verb in (Verb.PASSED, Verb.FAILED) or result.success is not None:
        raise RefusedStatement(_("Only the server decides whether a lesson or video was passed."))
    if result.score_scaled is not None or result.score_raw is not None:
        raise RefusedStatement(_("A score cannot be sent for a lesson or a video."))


LESSON_VERBS = {Verb.EXPERIENCED, Verb.PROGRESSED, Verb.TERMINATED, Verb.COMPLETED}


def check_lesson(statement: Statement, lesson: LessonPage) -> None:
    _no_grading(statement)
    if statement.verb not in LESSON_VERBS:
        raise RefusedStatement(
            _("For a lesson, only these verbs can be sent: experienced, progressed, terminated, completed.")
        )
    completes = statement.verb == Verb.COMPLETED or statement.result.completion
    if completes and lesson.completion_rule != CompletionRule.LEARNER_MARKS_DONE:
        raise RefusedStatement(_("The learner cannot mark this lesson done: its completion rule is another."))


def check_tracked_video(statement: Statement, lesson: LessonPage) -> None:
    if statement.activity not in lesson.activity_ids("tracked_video"):
        raise RefusedStatement(_("The lesson has no such video: %(id)s.") % {"id": statement.activity})
    _no_grading(statement)


def refuse_knowledge_check(statement: Statement, lesson: LessonPage) -> None:
    raise RefusedStatement(
        _("Knowledge checks are graded by the server: send the answers with the lesson's form instead.")
    )


#: What an H5P exercise says about itself; "interacted" and the like change no progress.
H5P_VERBS = {
    Verb.ATTEMPTED, Verb.INTERACTED, Verb.ANSWERED, Verb.COMPLETED, Verb.PASSED, Verb.FAILED,
    Verb.SCORED, Verb.PROGRESSED, Verb.EXPERIENCED,
}  # fmt: skip


def check_interactive(statement: Statement, lesson: LessonPage) -> None:
    """H5P grades in the learner's browser, so its results, scores included, come from there.

    Only about the exercise as a whole (the player drops its sub-questions' statements, and
    their object ids name no block), and never for SCORM, whose results only come through
    its player's commits.
    """
    if statement.activity not in lesson.activity_ids("interactive"):
        raise RefusedStatement(
            _("The lesson has no such interactive content: %(id)s.") % {"id": statement.activity}
        )
    language = statement.language or lesson.locale.language_code
    package = package_for_reader(chosen_package(lesson, statement.activity), language)
    if package is None:
        raise RefusedStatement(_("This interactive content has no package ready."))
    if package.kind != PackageKind.H5P:
        raise RefusedStatement(
            _("Results of a SCORM package are recorded by its player on the server, not sent as statements.")
        )
    if statement.verb not in H5P_VERBS:
        message = _("An H5P exercise cannot send this verb: %(verb)s.") % {"verb": statement.verb}
        raise RefusedStatement(message)


#: Activity kind (the part before ":" or "lesson") → its check.
CLIENT_ACTIVITIES: dict[str, Callable[[Statement, LessonPage], None]] = {
    "lesson": check_lesson,
    "tracked_video": check_tracked_video,
    "knowledge_check": refuse_knowledge_check,
    "interactive": check_interactive,
}


def check_client_statement(statement: Statement, lesson: LessonPage) -> None:
    """Raise ``RefusedStatement`` when a client may not send ``statement`` about ``lesson``."""
    kind = statement.activity.partition(":")[0]
    check = CLIENT_ACTIVITIES.get(kind)
    if check is None:
        raise RefusedStatement(
            _("Statements about “%(kind)s” activities cannot be sent here.") % {"kind": kind}
        )
    check(statement, lesson)
