"""What the course, module and lesson pages show, and who may open a lesson."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from lms.knowledge_checks import latest_attempts
from lms.lesson_access import block_ids
from lms.models import CoursePage, LessonPage, LessonProgress
from lms.models.courses import course_of
from lms.outline import course_outline
from lms.permissions import can_open_course_content
from lms.progress import record_visit
from lms.statements import activity_iri
from website import kept_content


def _language(page) -> str:
    return page.locale.language_code


def _course(page, request) -> CoursePage | None:
    """The course of a module or lesson: from the pages routing passed on the way to it, kept per
    content generation (website.page_cache), else asked of the page tree."""
    ancestors = getattr(page, "_site_ancestors", None) or []
    course_ids = [ancestor.pk for ancestor in ancestors if ancestor.specific_class is CoursePage]
    if not course_ids:
        return course_of(page)
    return kept_content.for_generation("course", (course_ids[-1],), lambda: course_of(page), request=request)


def course_context(course, request) -> dict:
    outline = course_outline(course, _language(course), request.user, request)
    enrolled = outline.enrolment is not None
    return {
        "outline": outline,
        "enrolled": enrolled,
        "can_enrol": course.self_enrolment and not enrolled,
        "resume": outline.resume() if enrolled else None,
    }


def module_context(module, request) -> dict:
    outline = course_outline(_course(module, request), _language(module), request.user, request)
    entry = next((m for m in outline.modules if m.key == module.translation_key), None)
    return {"outline": outline, "module_entry": entry, "enrolled": outline.enrolment is not None}


@dataclass
class Section:
    """One block of a lesson's body, with what the learner has done in it."""

    block: object
    activity: str
    attempt: object = None
    facts: dict | None = None


def lesson_context(lesson: LessonPage, request) -> dict:
    user = request.user
    # serve_lesson has built the outline already when it opened the lesson for a participant.
    outline = getattr(request, "lesson_outline", None)
    if outline is None:
        outline = course_outline(_course(lesson, request), _language(lesson), user, request)
    entry = outline.entry(lesson.translation_key)
    progress = entry.progress if entry else None
    if entry is None and user.is_authenticated:
        progress = LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key).first()
    activities = progress.activities if progress else {}
    attempts = latest_attempts(user, lesson)
    sections = []
    for block in lesson.body:
        activity = f"{block.block_type}:{block.id}"
        sections.append(
            Section(
                block=block,
                activity=activity,
                attempt=attempts.get(block.id),
                facts=activities.get(activity, {}),
            )
        )
    previous, following = outline.neighbours(lesson.translation_key)
    # The last lesson of a module leads on to the next module, named as such.
    module_of = {entry.key: module for module in outline.modules for entry in module.lessons}
    next_module = module_of.get(following.key) if following else None
    if next_module is module_of.get(lesson.translation_key):
        next_module = None
    return {
        "next_module": next_module,
        "outline": outline,
        "entry": entry,
        "progress": progress,
        "sections": sections,
        "previous_lesson": previous,
        "next_lesson": following,
        "enrolled": outline.enrolment is not None,
        "lesson_iri": activity_iri(lesson.translation_key),
    }


def serve_lesson(lesson: LessonPage, request, serve):
    """Open a lesson for those who may, and record that the learner opened it.

    The outline built here (with the learner's enrolment and progress) serves the whole
    request: the access check, the visit, the page's context and its interactive frames.
    """
    user = request.user
    course = _course(lesson, request)
    outline = course_outline(course, _language(lesson), user, request) if user.is_authenticated else None
    enrolled = outline is not None and outline.enrolment is not None
    if not enrolled and not can_open_course_content(user, course):
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        messages.info(request, _("Enrol in the course to open its lessons."))
        return redirect(course.get_url(request))
    if enrolled:
        entry = outline.entry(lesson.translation_key)
        if entry is not None and entry.locked:
            messages.info(request, _("Complete the previous module before starting this one."))
            return redirect(course.get_url(request))
        if request.method == "GET":
            progress = record_visit(user, lesson, entry.progress if entry else None, outline.enrolment)
            if entry is not None:
                entry.progress = progress
    request.lesson_outline = outline
    # Checked just above: the lesson's interactive frames need not ask the database again.
    request.lesson_opened = lesson.pk
    response = serve(request)
    if block_ids(lesson, "interactive"):
        # Its frames hold one-use launch links (lms.content.launch). Stored, the page would come
        # back on Back with links already spent, and the frame would show the refusal; not stored,
        # Back asks for the page again, with fresh links.
        add_never_cache_headers(response)  # no-store, private
    return response
