"""A lesson page with interactive frames is not stored by the browser: its launch links open once,
so Back must ask for the page again (fresh links) rather than show it with spent ones."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils.cache import get_max_age

from tests.content_factories import H5P_TEST, ingest, interactive_lesson

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_lesson_with_a_frame_is_never_stored(course, learner):
    lesson = interactive_lesson(course.modules[0], ingest(H5P_TEST, title="Is this false?"))
    client = Client()
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200 and 'class="interactive__frame"' in response.content.decode()
    assert {"no-store", "private"} <= cache_control(response)
    assert get_max_age(response) == 0


def test_a_lesson_of_text_only_may_be_kept_for_back_and_forward(course, learner):
    client = Client()
    client.force_login(learner)
    response = client.get(course.lessons[0].url)
    assert response.status_code == 200
    assert "no-store" not in cache_control(response)
