"""Courses are indexed with their public outline, and a lesson or module change updates the course's entry."""

from __future__ import annotations

import pytest

from search.documents import CONTENT_TYPES, TopicFinder, build_document
from search.models import PendingUpdate
from tests.lms_factories import make_course

pytestmark = pytest.mark.django_db


def test_a_course_document_holds_title_summary_and_outline_but_no_lesson_text(home):
    course = make_course(
        home, "Working with families", summary="For peer support workers new to family work."
    )
    document = build_document(course.page.specific, TopicFinder(), ["en"])
    assert document.content_type == "course" and CONTENT_TYPES["course"] is type(course.page.specific)
    assert document.title == "Working with families"
    assert document.summary == "For peer support workers new to family work."
    assert "Module 1" in document.body and "Lesson 2.2" in document.body
    assert "The text of" not in document.body  # lesson content stays out
    assert document.url == course.page.get_url()


def test_publishing_a_lesson_queues_its_course(home):
    course = make_course(home, "Working with families")
    PendingUpdate.objects.all().delete()
    lesson = course.lessons[0]
    lesson.title = "Meeting the family"
    lesson.save_revision().publish()
    queued = set(PendingUpdate.objects.values_list("translation_key", flat=True))
    assert str(course.page.translation_key) in queued
