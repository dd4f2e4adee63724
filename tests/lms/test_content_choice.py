"""A reader gets the package in their language, along the fallback chain, else the source's."""

from __future__ import annotations

import pytest
from django.test import Client

from lms.content.choice import package_for_reader
from lms.models import PackageStatus
from tests.content_factories import fake_package, interactive_lesson
from tests.lms_factories import translate_course


@pytest.fixture
def english(db):
    return fake_package("Exercise", "en")


def test_a_swedish_reader_gets_the_swedish_package(english):
    swedish = fake_package("Övning", "sv", translation_of=english)
    fake_package("Øvelse", "nb", translation_of=english)
    assert package_for_reader(english, "sv") == swedish


def test_choosing_a_translation_still_finds_its_siblings(english):
    swedish = fake_package("Övning", "sv", translation_of=english)
    norwegian = fake_package("Øvelse", "nb", translation_of=english)
    assert package_for_reader(swedish, "nb") == norwegian
    assert package_for_reader(swedish, "en") == english


def test_a_danish_reader_falls_back_along_the_chain(english):
    swedish = fake_package("Övning", "sv", translation_of=english)
    assert package_for_reader(english, "da") == swedish
    norwegian = fake_package("Øvelse", "nb", translation_of=english)
    assert package_for_reader(english, "da") == norwegian


def test_a_deleted_translation_is_no_longer_given(english):
    swedish = fake_package("Övning", "sv", translation_of=english)
    assert package_for_reader(english, "sv") == swedish  # kept per content generation from here
    swedish.delete()
    assert package_for_reader(english, "sv") == english


def test_an_estonian_reader_without_a_package_gets_the_source(english):
    fake_package("Övning", "sv", translation_of=english)
    assert package_for_reader(english, "et") == english


def test_a_translation_that_is_not_ready_is_passed_over(english):
    swedish = fake_package("Övning", "sv", translation_of=english)
    swedish.status, swedish.live_revision = PackageStatus.CHECKING, None  # a first upload being checked
    swedish.save()
    assert package_for_reader(english, "sv") == english


def test_a_translation_whose_replacement_is_being_checked_is_still_given(english):
    swedish = fake_package("Övning", "sv", translation_of=english)
    swedish.status = PackageStatus.CHECKING
    swedish.save()
    assert package_for_reader(english, "sv") == swedish


def test_the_chosen_package_wins_over_another_in_the_same_language(english):
    other = fake_package("Exercise, new upload", "en", translation_of=english)
    assert package_for_reader(english, "en") == english
    assert package_for_reader(other, "en") == other


def test_nothing_ready_means_nothing(english):
    english.status, english.live_revision = PackageStatus.REFUSED, None
    english.save()
    assert package_for_reader(english, "en") is None
    assert package_for_reader(None, "en") is None


def test_the_swedish_lesson_frames_the_swedish_package(course, learner, english, translated_home):
    fake_package("Övning", "sv", translation_of=english)
    lesson = interactive_lesson(course.modules[0], english)
    course.lessons.append(lesson)
    translated = translate_course(course, "sv", "SV ")
    swedish_lesson = translated.lessons[-1]
    client = Client()
    client.force_login(learner)

    page = client.get(swedish_lesson.url).content.decode()
    assert 'title="Övning"' in page
    assert 'sandbox="allow-scripts allow-forms allow-popups allow-modals"' in page
    assert 'title="Exercise"' in client.get(lesson.url).content.decode()


def test_the_lesson_frames_its_package_as_it_is_now(course, learner, english):
    """The chosen package and its family are kept per content generation; a package's change starts one."""
    lesson = interactive_lesson(course.modules[0], english)
    client = Client()
    client.force_login(learner)
    assert 'title="Exercise"' in client.get(lesson.url).content.decode()
    english.title = "Exercise, corrected"
    english.save()
    assert 'title="Exercise, corrected"' in client.get(lesson.url).content.decode()
    english.delete()
    page = client.get(lesson.url).content.decode()
    assert "interactive__frame" not in page
    assert "interactive__closed" in page
