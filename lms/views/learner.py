"""The learner's own pages and actions: My learning, enrolling, marking done, answering checks."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.enrolment import enrol
from lms.knowledge_checks import UnansweredQuestions, attempt_statement, find_check, grade, read_answers
from lms.models import CompletionRule, CoursePage, Enrolment, LessonPage
from lms.models.courses import course_of
from lms.outline import course_outline
from lms.permissions import is_enrolled
from lms.progress import record
from lms.statements import Verb, lesson_statement
from website.languages import in_language


def _in_readers_language(model, key: uuid.UUID, missing: str):
    """The live page ``key`` of ``model`` in the reader's language, or the nearest translation."""
    shown = in_language(model.objects.live().filter(translation_key=key), translation.get_language())
    if not shown:
        raise Http404(missing)
    return shown[0]


def _course_in_language(course_key: uuid.UUID) -> CoursePage:
    return _in_readers_language(CoursePage, course_key, _("There is no such course."))


def _lesson_in_language(lesson_key: uuid.UUID) -> LessonPage:
    return _in_readers_language(LessonPage, lesson_key, _("There is no such lesson."))


@login_required
def my_learning(request):
    language = translation.get_language()
    enrolments = {e.course_key: e for e in Enrolment.objects.filter(user=request.user)}
    courses = in_language(CoursePage.objects.live().filter(translation_key__in=enrolments), language)
    outlines = sorted(
        (course_outline(course, language, request.user) for course in courses),
        key=lambda outline: (
            outline.completed,
            -(outline.enrolment.last_activity_at or timezone.now()).timestamp(),
        ),
    )
    return render(request, "lms/learner/my_learning.html", {"outlines": outlines})


@login_required
def continue_course(request, course_key: uuid.UUID):
    """Back to where the learner left off: the lesson, and inside it the saved position."""
    course = _course_in_language(course_key)
    outline = course_outline(course, translation.get_language(), request.user)
    if outline.enrolment is None:
        raise Http404(_("You are not enrolled in this course."))
    entry = outline.resume()
    if entry is None:
        return redirect(course.get_url(request))
    anchor = ""
    if entry.progress and entry.progress.activities:
        # Open the lesson at the part worked in last.
        positioned = [
            (facts.get("position_at", ""), name) for name, facts in entry.progress.activities.items()
        ]
        latest = max(positioned)[1] if positioned else "lesson"
        anchor = "" if latest == "lesson" else "#" + latest.replace(":", "-")
    return HttpResponseRedirect(entry.page.get_url(request) + anchor)


@require_POST
@login_required
def enrol_in_course(request, course_key: uuid.UUID):
    course = _course_in_language(course_key)
    if not course.self_enrolment:
        messages.error(
            request, _("This course takes participants through their teachers, not by self-enrolment.")
        )
        return redirect(course.get_url(request))
    _enrolment, created = enrol(request.user, course)
    if created:
        messages.success(request, _("You are enrolled. Welcome to the course."))
    return redirect(course.get_url(request))


def _enrolled_lesson(request, lesson_key: uuid.UUID) -> LessonPage:
    """The lesson, if the learner is enrolled and its module is open to them."""
    lesson = _lesson_in_language(lesson_key)
    course = course_of(lesson)
    if not is_enrolled(request.user, course.translation_key):
        raise Http404(_("You are not enrolled in this lesson's course."))
    entry = course_outline(course, lesson.locale.language_code, request.user).entry(lesson.translation_key)
    if entry is not None and entry.locked:
        raise Http404(_("This lesson opens when the previous module is completed."))
    return lesson


@require_POST
@login_required
def mark_done(request, lesson_key: uuid.UUID):
    lesson = _enrolled_lesson(request, lesson_key)
    if lesson.completion_rule != CompletionRule.LEARNER_MARKS_DONE:
        messages.error(request, _("This lesson is completed in another way, not by marking it done."))
        return redirect(lesson.get_url(request))
    record(lesson_statement(request.user.pk, lesson, Verb.COMPLETED), lesson=lesson)
    messages.success(request, _("Marked as done."))
    following = course_outline(course_of(lesson), lesson.locale.language_code, request.user).neighbours(
        lesson.translation_key
    )[1]
    return redirect(following.page.get_url(request) if following else lesson.get_url(request))


@require_POST
@login_required
def answer_check(request, lesson_key: uuid.UUID, block_id: str):
    lesson = _enrolled_lesson(request, lesson_key)
    check = find_check(lesson, block_id)
    if check is None:
        raise Http404(_("This lesson has no such knowledge check."))
    anchor = f"#knowledge_check-{block_id}"
    try:
        answers = read_answers(check, request.POST)
    except UnansweredQuestions as error:
        # Tagged with the check, so the check shows it beside its questions (where focus goes).
        messages.error(request, str(error), extra_tags=f"check-{block_id}")
        return HttpResponseRedirect(lesson.get_url(request) + anchor)
    result = grade(check, answers)
    record(attempt_statement(request.user, lesson, block_id, answers, result), lesson=lesson)
    if result.passed:
        messages.success(request, _("Passed: %(percent)s %% right.") % {"percent": result.percent})
    else:
        messages.warning(
            request,
            _("Not passed yet: %(percent)s %% right, %(mark)s %% needed. Read the feedback and try again.")
            % {"percent": result.percent, "mark": result.pass_mark},
        )
    return HttpResponseRedirect(lesson.get_url(request) + anchor)
