"""A learner's course and lesson pages: a fixed number of queries, whatever the size of the course,
the number of learners or the languages; and no write when opening a lesson again changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.models import Enrolment, LearningStatement, LessonProgress, ModulePage
from lms.progress import VISIT_QUIET_PERIOD, record
from tests.content_factories import fake_package, interactive_lesson
from tests.factories import add_page, make_user
from tests.lms_factories import enrol, make_lesson, statement, translate_course

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

#: Exact: a new query on these pages has to be a decision (issue 18: course <= 10, lesson <= 12).
#: Kept per content generation (website.kept_content), so no query: the site, the language's home,
#: the route to the page, the view restrictions, the menu, the language switcher, the course (a
#: lesson's) and the course's outline. The session comes from the cache (cached_db). Left: the
#: user (1), the learner's progress in the course's lessons and enrolment (2), the header's roles
#: (1: the person's records and role permissions). The lesson page's chosen package and the one the
#: reader gets are kept per generation too (a package's change starts one).
COURSE_PAGE_QUERIES = 4
LESSON_PAGE_QUERIES = 4
#: Read in another language: the same (the "may be out of date" notice is kept per generation too).
COURSE_PAGE_QUERIES_TRANSLATED = COURSE_PAGE_QUERIES
LESSON_PAGE_QUERIES_TRANSLATED = LESSON_PAGE_QUERIES
WRITES = ("INSERT", "UPDATE", "DELETE")


def queries_to_render(client, url: str) -> list[str]:
    client.get(url)  # warm up: site root paths, content types, the first visit's record
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def report(few: list[str], many: list[str]) -> str:
    return "queries differ:\n--- few\n" + "\n".join(few) + "\n--- many\n" + "\n".join(many)


@pytest.fixture
def package():
    return fake_package("Golf", "en", kind="scorm", files={"index.html": b"<p>golf</p>"})


@pytest.fixture
def scorm_lesson(course, package):
    return interactive_lesson(course.modules[0], package, title="Golf")


@pytest.fixture
def reader(client, learner):
    client.force_login(learner)
    return client


def visits(learner, lesson) -> int:
    return LearningStatement.objects.filter(user=learner, lesson_key=lesson.translation_key).count()


def add_module(course, lessons: int) -> None:
    module = add_page(course.page, ModulePage(title=f"Module {len(course.modules) + 1}"))
    course.modules.append(module)
    for n in range(lessons):
        course.lessons.append(make_lesson(module, f"Extra lesson {len(course.modules)}.{n}"))


def add_learners(course, count: int) -> None:
    for n in range(count):
        other = make_user(f"other{n}")
        enrol(other, course.page)
        for lesson in course.lessons:
            record(statement(other, lesson))


def test_course_page_costs_exactly_its_ceiling(reader, course):
    queries = queries_to_render(reader, course.page.url)
    assert len(queries) == COURSE_PAGE_QUERIES, "\n".join(queries)


def test_lesson_page_with_an_interactive_block_costs_exactly_its_ceiling(reader, scorm_lesson):
    queries = queries_to_render(reader, scorm_lesson.url)
    assert len(queries) == LESSON_PAGE_QUERIES, "\n".join(queries)


@pytest.mark.parametrize("page", ["course", "lesson"])
def test_queries_do_not_grow_with_lessons_or_learners(reader, course, scorm_lesson, page):
    url = course.page.url if page == "course" else scorm_lesson.url
    few = queries_to_render(reader, url)
    add_module(course, lessons=6)
    add_learners(course, 3)
    many = queries_to_render(reader, url)
    assert len(course.lessons) == 10
    assert len(few) == len(many), report(few, many)


@pytest.mark.parametrize("page", ["course", "lesson"])
def test_queries_do_not_grow_with_translations(reader, course, scorm_lesson, translated_home, page):
    """Read in Swedish, with the course first in two languages and then in three."""
    course.lessons.append(scorm_lesson)
    swedish = translate_course(course, "sv", "SV ")
    url = swedish.page.url if page == "course" else swedish.lessons[-1].url
    few = queries_to_render(reader, url)
    translate_course(course, "nb", "NB ")
    many = queries_to_render(reader, url)
    assert len(few) == len(many), report(few, many)
    expected = COURSE_PAGE_QUERIES_TRANSLATED if page == "course" else LESSON_PAGE_QUERIES_TRANSLATED
    assert len(many) == expected, "\n".join(many)


def test_opening_a_lesson_again_writes_nothing(reader, learner, scorm_lesson):
    reader.get(scorm_lesson.url)
    with CaptureQueriesContext(connection) as captured:
        reader.get(scorm_lesson.url)
    writes = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    assert visits(learner, scorm_lesson) == 1


def test_a_visit_is_recorded_again_after_the_quiet_period(reader, learner, scorm_lesson):
    reader.get(scorm_lesson.url)
    later = timezone.now() + VISIT_QUIET_PERIOD + timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        reader.get(scorm_lesson.url)
    progress = LessonProgress.objects.get(user=learner, lesson_key=scorm_lesson.translation_key)
    assert progress.last_activity_at == later
    assert visits(learner, scorm_lesson) == 2


def test_coming_back_to_a_lesson_moves_continue_back_to_it(reader, learner, course, scorm_lesson):
    first, other = scorm_lesson, course.lessons[0]
    reader.get(first.url)
    reader.get(other.url)
    reader.get(first.url)
    enrolment = Enrolment.objects.get(user=learner, course_key=course.page.translation_key)
    assert enrolment.last_lesson_key == first.translation_key
    assert visits(learner, first) == 2


def test_the_lesson_shows_the_progress_of_the_first_visit(reader, course):
    """A lesson completed by opening it says so on that very first view."""
    response = reader.get(course.lessons[0].url)
    assert "You have completed this lesson." in response.content.decode()
