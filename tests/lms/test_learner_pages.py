"""Enrolling, opening lessons, locked modules, Continue, and answering a knowledge check."""

from __future__ import annotations

import pytest

from lms.models import Enrolment, LearningStatement, ModulePage
from lms.progress import record
from lms.statements import POSITION_EXTENSION, Verb
from tests.factories import make_user, publish
from tests.lms_factories import knowledge_check, make_lesson, statement

pytestmark = pytest.mark.django_db


def test_self_enrolment_is_a_post_and_happens_once(client, course):
    user = make_user()
    client.force_login(user)
    url = f"/en/learning/courses/{course.page.translation_key}/enrol/"
    assert client.get(url).status_code == 405
    client.post(url)
    client.post(url)
    assert Enrolment.objects.filter(user=user).count() == 1
    assert (
        "Continue" in client.get(course.page.url).content.decode()
        or "Start the course" in client.get(course.page.url).content.decode()
    )


def test_a_closed_course_refuses_self_enrolment(client, course):
    course.page.self_enrolment = False
    publish(course.page)
    user = make_user()
    client.force_login(user)
    response = client.post(f"/en/learning/courses/{course.page.translation_key}/enrol/", follow=True)
    assert "not by self-enrolment" in response.content.decode()
    assert not Enrolment.objects.filter(user=user).exists()


def test_lessons_are_for_participants(client, course):
    lesson = course.lessons[0]
    response = client.get(lesson.url)
    assert response.status_code == 302 and "/en/account/login/" in response["Location"]
    client.force_login(make_user())
    response = client.get(lesson.url)
    assert response.status_code == 302 and response["Location"] == course.page.url
    assert not LearningStatement.objects.exists()


def test_a_module_that_requires_the_previous_one_stays_locked(client, learner, course):
    second = ModulePage.objects.get(pk=course.modules[1].pk)
    second.requires_previous = True
    publish(second)
    client.force_login(learner)
    locked = course.lessons[2]
    assert client.get(locked.url)["Location"] == course.page.url
    refused = client.post(f"/en/learning/lessons/{locked.translation_key}/done/")
    assert refused.status_code == 404
    for lesson in course.lessons[:2]:
        client.get(lesson.url)
    assert client.get(locked.url).status_code == 200


def test_lessons_link_to_the_previous_and_next_lesson(client, learner, course):
    client.force_login(learner)
    page = client.get(course.lessons[0].url).content.decode()
    assert f'rel="next" href="{course.lessons[1].url}"' in page
    # The last lesson of a module leads on to the next module, by name.
    page = client.get(course.lessons[1].url).content.decode()
    assert f'rel="prev" href="{course.lessons[0].url}"' in page
    assert f'rel="next" href="{course.modules[1].url}">Next module: Module 2' in page
    # The last lesson of the course leads back to the course page.
    page = client.get(course.lessons[-1].url).content.decode()
    assert f'rel="next" href="{course.page.url}">Back to the course' in page


def test_continue_resumes_at_the_last_lesson_and_part(client, learner, course, home):
    from tests.factories import make_video

    video = make_video(home, "Clip")
    lesson = make_lesson(course.modules[1], "Watch", body=[("tracked_video", {"video": video})],
                         completion_rule="video_watched")  # fmt: skip
    activity = f"tracked_video:{lesson.body[0].id}"
    record(statement(learner, course.lessons[0]))
    record(statement(learner, lesson, Verb.PROGRESSED, activity, extensions={POSITION_EXTENSION: "42.0"}))
    client.force_login(learner)
    response = client.get(f"/en/learning/courses/{course.page.translation_key}/continue/")
    assert response["Location"] == f"{lesson.url}#tracked_video-{lesson.body[0].id}"
    assert 'data-resume-at="42.0"' in client.get(lesson.url).content.decode()


def test_my_learning_lists_courses_with_progress(client, learner, course):
    record(statement(learner, course.lessons[0]))
    client.force_login(learner)
    page = client.get("/en/learning/").content.decode()
    assert course.page.title in page
    assert 'value="25"' in page
    assert client.get("/en/learning/", follow=False).status_code == 200
    client.logout()
    assert client.get("/en/learning/").status_code == 302


def test_an_unanswered_check_is_refused_and_records_nothing(client, learner, course):
    lesson = make_lesson(course.modules[0], "Check", body=[knowledge_check()], completion_rule="check_passed")
    client.force_login(learner)
    url = f"/en/learning/lessons/{lesson.translation_key}/checks/{lesson.body[0].id}/"
    response = client.post(url, {"question-0": "0"}, follow=True)
    assert "Unanswered: 2" in response.content.decode()
    assert not LearningStatement.objects.filter(activity__startswith="knowledge_check").exists()
    assert client.post(url.replace(lesson.body[0].id, "no-such-block"), {}).status_code == 404


def test_answers_out_of_range_count_as_unanswered(client, learner, course):
    lesson = make_lesson(course.modules[0], "Check", body=[knowledge_check()], completion_rule="check_passed")
    client.force_login(learner)
    url = f"/en/learning/lessons/{lesson.translation_key}/checks/{lesson.body[0].id}/"
    client.post(url, {"question-0": "7", "question-1": "-1"})
    assert not LearningStatement.objects.filter(activity__startswith="knowledge_check").exists()


def test_someone_not_enrolled_cannot_answer(client, course):
    lesson = make_lesson(course.modules[0], "Check", body=[knowledge_check()], completion_rule="check_passed")
    client.force_login(make_user())
    url = f"/en/learning/lessons/{lesson.translation_key}/checks/{lesson.body[0].id}/"
    assert client.post(url, {"question-0": "0", "question-1": "1"}).status_code == 404
    assert not LearningStatement.objects.exists()
