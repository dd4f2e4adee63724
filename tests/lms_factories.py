"""Builders for courses, cohorts and learning statements."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page

from lms.models import Cohort, CoursePage, Enrolment, LessonPage, ModulePage
from lms.statements import Result, Statement, Verb
from tests.factories import add_page
from tests.module_data import fresh


def question(
    prompt: str, options: list[tuple[str, bool]], kind: str = "single", statement_is_true: bool = False
):
    return {
        "kind": kind,
        "prompt": prompt,
        "options": [{"text": text, "correct": correct, "feedback": ""} for text, correct in options],
        "statement_is_true": statement_is_true,
        "explanation": f"Why: {prompt}",
    }


def knowledge_check(title: str = "Check your understanding", pass_mark: int = 50, questions=None):
    questions = questions or [
        question(
            "Who is a peer support worker?", [("Someone with lived experience", True), ("A doctor", False)]
        ),
        question("Recovery is personal.", [], kind="true_false", statement_is_true=True),
    ]
    return ("knowledge_check", {"title": title, "pass_mark": pass_mark, "questions": questions})


def make_lesson(module: ModulePage, title: str, **fields) -> LessonPage:
    fields.setdefault("body", [("paragraph", f"<p>The text of {title}.</p>")])
    return add_page(module, LessonPage(title=title, summary=f"About {title}", **fields))


@dataclass
class Course:
    page: CoursePage
    modules: list[ModulePage] = field(default_factory=list)
    lessons: list[LessonPage] = field(default_factory=list)


def make_course(
    parent: Page,
    title: str = "Introduction to peer support",
    modules: int = 2,
    lessons_per_module: int = 2,
    **fields,
) -> Course:
    """A published course; lesson ``i`` of every module is completed by viewing it unless told otherwise."""
    fields.setdefault("summary", f"Summary of {title}")
    course = Course(page=add_page(parent, CoursePage(title=title, **fields)))
    for m in range(1, modules + 1):
        module = add_page(course.page, ModulePage(title=f"Module {m}", summary=f"Module {m} of {title}"))
        course.modules.append(module)
        for n in range(1, lessons_per_module + 1):
            course.lessons.append(make_lesson(module, f"Lesson {m}.{n}"))
    return course


def enrol(user, course: CoursePage, cohort: Cohort | None = None) -> Enrolment:
    source = Enrolment.Source.COHORT if cohort else Enrolment.Source.SELF
    return Enrolment.objects.create(
        user=user, course_key=course.translation_key, cohort=cohort, source=source
    )


def make_cohort(name: str, courses: list[CoursePage], teachers=(), members=()) -> Cohort:
    cohort = Cohort.objects.create(name=name)
    cohort.courses.set(courses)
    cohort.teachers.set(teachers)
    for member in members:
        cohort.members.add(member)
        for course in courses:
            Enrolment.objects.get_or_create(
                user=member,
                course_key=course.translation_key,
                defaults={"cohort": cohort, "source": "cohort"},
            )
    return cohort


def statement(
    user,
    lesson: LessonPage,
    verb: str = Verb.EXPERIENCED,
    activity: str = "lesson",
    at=None,
    statement_id: uuid.UUID | None = None,
    **result,
) -> Statement:
    return Statement(
        id=statement_id or uuid.uuid4(),
        user_id=user.pk,
        verb=verb,
        lesson_key=lesson.translation_key,
        activity=activity,
        result=Result(**result),
        timestamp=at or timezone.now(),
        language=lesson.locale.language_code,
    )


def translate_course(course: Course, language_code: str, prefix: str) -> Course:
    """The whole course translated (titles prefixed, e.g. "SV "), parents before children."""
    from website.translating import translate

    def title_of(page):
        return {page.title: f"{prefix}{page.title}"}

    pages = [course.page, *course.modules, *course.lessons]
    translated = {page.pk: translate(page, language_code, title_of(page), strict=False) for page in pages}
    return Course(
        page=translated[course.page.pk],
        modules=[translated[m.pk] for m in course.modules],
        lessons=[translated[lesson.pk] for lesson in course.lessons],
    )


def fresh_course(course: Course) -> Course:
    """A test's own copy of a course built for its module (tests/module_data.py), read back."""
    return Course(
        page=fresh(course.page),
        modules=[fresh(module) for module in course.modules],
        lessons=[fresh(lesson) for lesson in course.lessons],
    )
