"""A course's structure for one reader: modules and lessons in their language, with progress.

The structure is the source course's (every translation has the same lessons,
keyed by translation_key); each page is shown in the reader's language or the
nearest one along its fallback chain. A handful of queries, whatever the course size.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from lms.lesson_access import enrolment_of
from lms.models import CoursePage, Enrolment, LessonPage, LessonProgress, ModulePage, ProgressStatus
from website import kept_content
from website.languages import in_language
from website.page_addresses import keep_addresses


def source_course(course: CoursePage) -> CoursePage:
    """The course in the source language, whose tree says which modules and lessons there are."""
    if course.live and course.locale.language_code == settings.LANGUAGE_CODE:
        return course
    source = (
        CoursePage.objects.filter(
            translation_key=course.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .live()
        .first()
    )
    return source or course


def required_lesson_keys(course: CoursePage) -> set[uuid.UUID]:
    source = source_course(course)
    return set(
        LessonPage.objects.live()
        .descendant_of(source)
        .filter(required=True)
        .values_list("translation_key", flat=True)
    )


@dataclass
class LessonEntry:
    key: uuid.UUID
    page: LessonPage
    required: bool
    progress: LessonProgress | None = None
    locked: bool = False

    @property
    def status(self) -> str:
        return self.progress.status if self.progress else ProgressStatus.NOT_STARTED

    @property
    def completed(self) -> bool:
        return self.status == ProgressStatus.COMPLETED


@dataclass
class ModuleEntry:
    key: uuid.UUID
    page: ModulePage
    lessons: list[LessonEntry] = field(default_factory=list)
    locked: bool = False

    @property
    def completed(self) -> bool:
        return all(lesson.completed for lesson in self.lessons if lesson.required)

    @property
    def percent(self) -> int:
        return _percent(self.lessons)


def _percent(lessons: list[LessonEntry]) -> int:
    required = [lesson for lesson in lessons if lesson.required]
    if not required:
        return 0
    return round(100 * sum(lesson.completed for lesson in required) / len(required))


@dataclass
class CourseOutline:
    course: CoursePage
    key: uuid.UUID
    modules: list[ModuleEntry]
    enrolment: Enrolment | None = None

    @property
    def lessons(self) -> list[LessonEntry]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def percent(self) -> int:
        return _percent(self.lessons)

    @property
    def completed(self) -> bool:
        required = [lesson for lesson in self.lessons if lesson.required]
        return bool(required) and all(lesson.completed for lesson in required)

    def entry(self, key: uuid.UUID) -> LessonEntry | None:
        return next((lesson for lesson in self.lessons if lesson.key == key), None)

    def neighbours(self, key: uuid.UUID) -> tuple[LessonEntry | None, LessonEntry | None]:
        lessons = self.lessons
        keys = [lesson.key for lesson in lessons]
        if key not in keys:
            return None, None
        index = keys.index(key)
        return (
            lessons[index - 1] if index else None,
            lessons[index + 1] if index + 1 < len(lessons) else None,
        )

    def resume(self) -> LessonEntry | None:
        """Where Continue goes: the last lesson worked in, unless it is done; then the next open one."""
        last = (
            self.entry(self.enrolment.last_lesson_key)
            if self.enrolment and self.enrolment.last_lesson_key
            else None
        )
        if last and not last.completed:
            return last
        open_lessons = [lesson for lesson in self.lessons if not lesson.completed and not lesson.locked]
        return open_lessons[0] if open_lessons else last or (self.lessons[0] if self.lessons else None)


#: Lesson bodies are not needed for an outline, and are the largest column of a course's tree.
_LESSON_FIELDS_LEFT_OUT = ("body",)


def course_outline(course: CoursePage, language: str, user=None, request=None) -> CourseOutline:
    """The outline of ``course`` for a reader of ``language`` (and ``user``'s progress, if given).

    The structure is the same for every reader of a language: kept per content generation
    (website.page_cache), so a publication, an unpublication, a move or a new translation shows
    on the next request. The learner's own records are read every time, in two queries
    (progress of all the course's lessons, enrolment), whatever the size of the course.
    """
    outline = kept_content.for_generation(
        "course-outline", (course.pk, language), lambda: _structure(course, language), request=request
    )
    if user is not None and user.is_authenticated:
        keys = [lesson.key for lesson in outline.lessons]
        progress = {p.lesson_key: p for p in LessonProgress.objects.filter(user=user, lesson_key__in=keys)}
        for lesson in outline.lessons:
            lesson.progress = progress.get(lesson.key)
        outline.enrolment = enrolment_of(user.pk, outline.key)
    previous = None
    for entry in outline.modules:
        held_back = previous is not None and (previous.locked or not previous.completed)
        if entry.page.requires_previous and held_back:
            entry.locked = True
            for lesson in entry.lessons:
                lesson.locked = True
        previous = entry
    return outline


def _structure(course: CoursePage, language: str) -> CourseOutline:
    """The outline without a reader: modules and lessons in ``language``, in at most five queries."""
    source = source_course(course)
    modules = list(ModulePage.objects.live().child_of(source).order_by("path"))
    lessons = list(
        LessonPage.objects.live().descendant_of(source).defer(*_LESSON_FIELDS_LEFT_OUT).order_by("path")
    )
    shown = _in_language(ModulePage, modules, language, source) | _in_language(
        LessonPage, lessons, language, source
    )
    entries = []
    for module in modules:
        entry = ModuleEntry(key=module.translation_key, page=shown.get(module.translation_key, module))
        entry.lessons = [
            LessonEntry(
                key=lesson.translation_key,
                page=shown.get(lesson.translation_key, lesson),
                required=lesson.required,
            )
            for lesson in lessons
            if lesson.path.startswith(module.path)
        ]
        entries.append(entry)
    shown_course = _course_in_language(course, source, language)
    keep_addresses([shown_course, *(entry.page for entry in entries)])
    keep_addresses(lesson.page for entry in entries for lesson in entry.lessons)
    return CourseOutline(course=shown_course, key=source.translation_key, modules=entries)


def _reads_source(language: str, source: Page) -> bool:
    """Whether a reader of ``language`` gets the source tree's pages as they are."""
    return language == source.locale.language_code


def _course_in_language(course: CoursePage, source: CoursePage, language: str) -> CoursePage:
    if course.live and course.locale.language_code == language:
        return course
    if _reads_source(language, source):
        return source
    shown = in_language(CoursePage.objects.live().filter(translation_key=source.translation_key), language)
    return shown[0] if shown else course


def _in_language(model: type[Page], pages: list[Page], language: str, source: Page) -> dict[uuid.UUID, Page]:
    if _reads_source(language, source):
        return {page.translation_key: page for page in pages}
    keys = [page.translation_key for page in pages]
    queryset = model.objects.live().filter(translation_key__in=keys)
    if model is LessonPage:
        queryset = queryset.defer(*_LESSON_FIELDS_LEFT_OUT)
    return {page.translation_key: page for page in in_language(queryset, language)}
