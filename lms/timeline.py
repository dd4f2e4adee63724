"""A participant's learning record as a teacher reads it: when, which lesson, what, with what result."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.dashboard import cohort_lessons
from lms.models import Cohort, LearningStatement
from lms.statements import PROGRESS_EXTENSION, Verb

#: The newest statements shown; a participant's whole record is in their data export.
TIMELINE_LIMIT = 300

VERB_LABELS = {
    Verb.EXPERIENCED: gettext_lazy("Viewed"),
    Verb.PROGRESSED: gettext_lazy("Made progress in"),
    Verb.COMPLETED: gettext_lazy("Completed"),
    Verb.PASSED: gettext_lazy("Passed"),
    Verb.FAILED: gettext_lazy("Failed"),
    Verb.ANSWERED: gettext_lazy("Answered"),
    Verb.ATTEMPTED: gettext_lazy("Attempted"),
    Verb.INTERACTED: gettext_lazy("Worked with"),
    Verb.SCORED: gettext_lazy("Scored in"),
    Verb.TERMINATED: gettext_lazy("Left"),
}

ACTIVITY_LABELS = {
    "lesson": gettext_lazy("the lesson"),
    "knowledge_check": gettext_lazy("a knowledge check"),
    "tracked_video": gettext_lazy("a video"),
    "h5p": gettext_lazy("an interactive exercise"),
    "scorm": gettext_lazy("a SCORM package"),
}


def verb_label(verb: str) -> str:
    """The verb in words; a verb from elsewhere by the last part of its IRI."""
    label = VERB_LABELS.get(verb)
    return str(label) if label else verb.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def activity_label(activity: str) -> str:
    kind = activity.split(":", 1)[0]
    label = ACTIVITY_LABELS.get(kind)
    return str(label) if label else kind.replace("_", " ")


def _number(value: float) -> str:
    return f"{value:g}"


def result_parts(statement: LearningStatement) -> list[str]:
    """The statement's result as short phrases, e.g. ["score 80 %", "passed", "2 min"]."""
    parts = []
    if statement.score_scaled is not None:
        parts.append(_("score %(percent)s %%") % {"percent": round(statement.score_scaled * 100)})
    if statement.score_raw is not None and statement.score_max is not None:
        parts.append(
            _("%(raw)s of %(max)s points")
            % {"raw": _number(statement.score_raw), "max": _number(statement.score_max)}
        )
    if statement.success is True:
        parts.append(_("passed"))
    elif statement.success is False:
        parts.append(_("failed"))
    if statement.completion:
        parts.append(_("completed"))
    watched = (statement.extensions or {}).get(PROGRESS_EXTENSION)
    if isinstance(watched, int | float):
        parts.append(_("watched %(percent)s %%") % {"percent": round(watched * 100)})
    if statement.duration_seconds:
        minutes, seconds = divmod(round(statement.duration_seconds), 60)
        parts.append(
            _("%(minutes)s min %(seconds)s s") % {"minutes": minutes, "seconds": seconds}
            if minutes
            else _("%(seconds)s s") % {"seconds": seconds}
        )
    return parts


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    lesson_title: str
    course_title: str
    verb: str
    activity: str
    result: list[str]
    language: str
    #: The teacher who vouched for it, when not the participant.
    authority: str = ""


@dataclass(frozen=True)
class Timeline:
    entries: list[TimelineEntry]
    #: True when older statements were left out (see ``TIMELINE_LIMIT``).
    truncated: bool


def learner_timeline(cohort: Cohort, learner, language: str, limit: int = TIMELINE_LIMIT) -> Timeline:
    """The participant's statements in the cohort's courses, newest first, titled in ``language``."""
    courses = cohort_lessons(cohort, language)
    titles: dict[uuid.UUID, tuple[str, str]] = {
        lesson.key: (lesson.title, course.title) for course in courses for lesson in course.lessons
    }
    statements = list(
        LearningStatement.objects.filter(user=learner, course_key__in=[course.key for course in courses])
        .select_related("authority")
        .order_by("-timestamp", "-stored")[: limit + 1]
    )
    entries = []
    for statement in statements[:limit]:
        # A lesson since removed from the course keeps its record; it is named as unknown.
        lesson_title, course_title = titles.get(statement.lesson_key, (_("A removed lesson"), ""))
        authority = statement.authority
        entries.append(
            TimelineEntry(
                when=statement.timestamp,
                lesson_title=lesson_title,
                course_title=course_title,
                verb=verb_label(statement.verb),
                activity=activity_label(statement.activity),
                result=result_parts(statement),
                language=statement.language,
                authority=(authority.get_full_name() or authority.get_username()) if authority else "",
            )
        )
    return Timeline(entries=entries, truncated=len(statements) > limit)
