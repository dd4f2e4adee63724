"""A course's outline is kept per content generation (lms/outline.py); the learner's own records
are not. A publication, an unpublication, a move or a translation shows on the next request; a
learner's progress and enrolment at once.

Each test warms the kept outline first, so a change that did not make a new generation would be
served from it.
"""

from __future__ import annotations

import pytest

from lms.models import ModulePage
from lms.progress import record
from tests.factories import add_page, make_user, publish
from tests.lms_factories import enrol, make_lesson, statement, translate_course

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def reader(client, learner):
    client.force_login(learner)
    return client


def outline(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["outline"]


def titles(client, url: str) -> list[list[str]]:
    return [[lesson.page.title for lesson in module.lessons] for module in outline(client, url).modules]


def test_a_published_lesson_shows_in_the_outline_and_as_the_next_lesson(reader, course):
    assert titles(reader, course.page.url) == [["Lesson 1.1", "Lesson 1.2"], ["Lesson 2.1", "Lesson 2.2"]]
    make_lesson(course.modules[1], "Lesson 2.3")
    assert titles(reader, course.page.url)[1] == ["Lesson 2.1", "Lesson 2.2", "Lesson 2.3"]
    assert reader.get(course.lessons[3].url).context["next_lesson"].page.title == "Lesson 2.3"


def test_an_unpublished_lesson_leaves_the_outline(reader, course):
    assert len(titles(reader, course.page.url)[0]) == 2
    course.lessons[1].unpublish()
    assert titles(reader, course.page.url)[0] == ["Lesson 1.1"]


def test_a_lesson_moved_to_another_module_is_shown_there(reader, course):
    assert titles(reader, course.page.url)[0] == ["Lesson 1.1", "Lesson 1.2"]
    course.lessons[1].move(course.modules[1], pos="last-child")
    assert titles(reader, course.page.url) == [["Lesson 1.1"], ["Lesson 2.1", "Lesson 2.2", "Lesson 1.2"]]


def test_a_moved_lesson_s_link_in_the_outline_is_its_new_address(reader, course):
    lesson = course.lessons[1]
    old_address = lesson.url
    assert f'href="{old_address}"' in reader.get(course.page.url).content.decode()
    lesson.move(course.modules[1], pos="last-child")
    lesson.refresh_from_db()
    page = reader.get(course.page.url).content.decode()
    assert lesson.url != old_address
    assert f'href="{lesson.url}"' in page and f'href="{old_address}"' not in page


def test_a_new_module_that_requires_the_previous_one_locks_its_lessons(reader, course):
    assert not any(lesson.locked for lesson in outline(reader, course.page.url).lessons)
    module = add_page(course.page, ModulePage(title="Module 3", requires_previous=True))
    make_lesson(module, "Lesson 3.1")
    last = outline(reader, course.page.url).modules[-1]
    assert (last.page.title, last.locked) == ("Module 3", True)


def test_a_lesson_made_optional_no_longer_counts(reader, learner, course):
    for lesson in course.lessons[:3]:
        record(statement(learner, lesson))
    assert outline(reader, course.page.url).percent == 75
    last = course.lessons[3]
    last.required = False
    publish(last)
    assert outline(reader, course.page.url).percent == 100


def test_a_translation_shows_in_the_reader_s_language_on_the_next_request(reader, course, translated_home):
    swedish = translate_course(
        type(course)(page=course.page, modules=course.modules, lessons=[]), "sv", "SV "
    )
    url = swedish.page.url
    assert titles(reader, url)[0] == ["Lesson 1.1", "Lesson 1.2"]  # English stands in
    translate_course(type(course)(page=course.page, modules=[], lessons=course.lessons[:1]), "sv", "SV ")
    assert titles(reader, url)[0] == ["SV Lesson 1.1", "Lesson 1.2"]


def test_the_learner_s_progress_shows_at_once(reader, learner, course):
    assert outline(reader, course.page.url).percent == 0
    record(statement(learner, course.lessons[0]))
    now = outline(reader, course.page.url)
    assert now.percent == 25
    assert now.lessons[0].completed


def test_opening_a_lesson_shows_on_the_course_page_at_once(reader, course):
    assert outline(reader, course.page.url).percent == 0
    reader.get(course.lessons[0].url)  # completed by opening it
    assert outline(reader, course.page.url).lessons[0].completed


def test_an_enrolment_shows_at_once(client, course):
    person = make_user("newcomer")
    client.force_login(person)
    assert client.get(course.page.url).context["enrolled"] is False
    enrol(person, course.page)
    assert client.get(course.page.url).context["enrolled"] is True


def test_each_learner_sees_their_own_progress_from_the_same_kept_outline(client, learner, course):
    other = make_user("other")
    enrol(other, course.page)
    record(statement(learner, course.lessons[0]))
    client.force_login(learner)
    assert outline(client, course.page.url).percent == 25
    client.force_login(other)
    assert outline(client, course.page.url).percent == 0
