"""Progress belongs to the lesson's translation_key: switching language keeps it."""

from __future__ import annotations

import pytest

from lms.models import LessonProgress
from lms.outline import course_outline
from tests.lms_factories import translate_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish(translated_home, course):
    return translate_course(course, "sv", "SV ")


def test_work_in_swedish_shows_as_done_in_english(client, learner, course, swedish):
    client.force_login(learner)
    assert client.get(swedish.lessons[0].url).status_code == 200
    english = client.get(course.lessons[0].url).content.decode()
    assert "You have completed this lesson." in english
    assert LessonProgress.objects.filter(user=learner).count() == 1
    assert course_outline(course.page, "en", learner).percent == 25
    assert course_outline(swedish.page, "sv", learner).percent == 25


def test_my_learning_shows_the_course_in_the_readers_language(client, learner, course, swedish):
    client.force_login(learner)
    page = client.get("/sv/learning/").content.decode()
    assert "SV Introduction to peer support" in page
    assert "/sv/" in page


def test_a_language_without_the_course_falls_back_along_its_chain(client, learner, course, swedish):
    # Norwegian readers get Swedish before English when there is no Norwegian translation.
    outline = course_outline(course.page, "nb", learner)
    assert outline.course.title == "SV Introduction to peer support"
    assert all(entry.page.locale.language_code == "sv" for entry in outline.lessons)
