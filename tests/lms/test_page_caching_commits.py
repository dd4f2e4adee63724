"""A SCORM commit finds its lesson and the lesson's course in what is kept per content generation
(lms/lesson_access.py) and asks the enrolment with the attempt. An unpublished or changed lesson,
a moved one and an ended enrolment are seen by the very next commit.

Each test commits once first, so the lesson is kept before it changes.
"""

from __future__ import annotations

import pytest
from django.core import signing
from django.urls import reverse

from lms import scorm_attempt_token
from lms.models import Enrolment, ScormItemState
from tests.factories import publish
from tests.scorm_factories import (
    attempt_session,
    cmi12,
    commit_url,
    golf,
    open_attempt,
    post_commit,
    scorm_lesson,
    session,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def lesson(course):
    return scorm_lesson(course.modules[0], golf("1.2"))


@pytest.fixture
def attempt(learner, lesson):
    return open_attempt(learner, lesson, lesson.body[1].value["package"])


def commit(url: str, page: int):
    return post_commit(url, cmi12(location=str(page), session_time=f"0000:00:{page:02d}"))


def commits(attempt) -> int:
    return ScormItemState.objects.get(attempt=attempt).commit_count


def with_attempt_token(attempt, token: str) -> str:
    url = reverse(
        "lms_content:scorm_commit", kwargs={"token": attempt_session(attempt), "attempt_token": token}
    )
    return f"{url}?session={session()}"


def test_a_commit_after_the_lesson_is_unpublished_is_refused(attempt, lesson):
    url = commit_url(attempt)
    assert commit(url, 1).status_code == 200
    lesson.unpublish()
    response = commit(url, 2)
    assert response.status_code == 403 and "no longer have access" in response.json()["error"]
    assert commits(attempt) == 1


def test_a_commit_after_its_block_left_the_lesson_is_refused(attempt, lesson):
    url = commit_url(attempt)
    assert commit(url, 1).status_code == 200
    package = lesson.body[1].value["package"]
    lesson.body = [("interactive", {"package": package, "max_attempts": 0})]  # a new block, a new id
    publish(lesson)
    response = commit(url, 2)
    assert response.status_code == 403 and "no longer part of the lesson" in response.json()["error"]
    assert commits(attempt) == 1


def test_a_commit_after_the_lesson_moved_out_of_the_course_is_refused(attempt, lesson, home):
    url = commit_url(attempt)
    assert commit(url, 1).status_code == 200
    lesson.move(home, pos="last-child")  # no course above it any more
    assert commit(url, 2).status_code == 403
    assert commits(attempt) == 1


def test_an_ended_enrolment_is_seen_by_the_next_commit(attempt, learner):
    url = commit_url(attempt)
    assert commit(url, 1).status_code == 200
    Enrolment.objects.filter(user=learner).delete()
    assert commit(url, 2).status_code == 403
    assert commits(attempt) == 1


def test_a_link_made_before_the_lesson_was_in_it_still_commits(attempt):
    older = signing.dumps([attempt.pk, attempt.user_id], salt=scorm_attempt_token.ATTEMPT_SALT)
    assert commit(with_attempt_token(attempt, older), 1).status_code == 200
    assert commits(attempt) == 1


def test_a_link_naming_another_lesson_is_refused(attempt, course):
    other = course.lessons[0].translation_key.hex
    forged = signing.dumps([attempt.pk, attempt.user_id, other], salt=scorm_attempt_token.ATTEMPT_SALT)
    response = commit(with_attempt_token(attempt, forged), 1)
    assert response.status_code == 403 and "not valid" in response.json()["error"]
    assert not ScormItemState.objects.filter(attempt=attempt).exists()
