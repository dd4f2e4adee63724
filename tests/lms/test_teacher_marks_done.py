"""A teacher completes a teacher-marked lesson for a participant, through the one path."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import override

from lms.dashboard import MarkDoneRefused, mark_done
from lms.models import Enrolment, LearningStatement, LessonProgress, ProgressStatus
from lms.progress import record
from lms.statements import Verb
from tests.lms_factories import statement

pytestmark = pytest.mark.django_db


def done_url(cohort, learner, lesson) -> str:
    with override("en"):
        return reverse("teaching:mark_done", args=[cohort.pk, learner.pk, lesson.translation_key])


def progress(learner, lesson):
    return LessonProgress.objects.filter(user=learner, lesson_key=lesson.translation_key).first()


def test_the_teacher_marks_a_lesson_done_and_it_is_recorded_as_their_statement(client, room):
    client.force_login(room.teacher_x)
    response = client.post(done_url(room.cohort_x, room.bo, room.teacher_lesson), follow=True)
    assert response.status_code == 200
    assert "The lesson is marked done for Bo Berg." in response.content.decode()
    assert progress(room.bo, room.teacher_lesson).status == ProgressStatus.COMPLETED
    (mark,) = LearningStatement.objects.filter(user=room.bo)
    assert (mark.verb, mark.activity, mark.authority_id) == (Verb.COMPLETED, "lesson", room.teacher_x.pk)
    assert mark.lesson_key == room.teacher_lesson.translation_key
    # The matrix no longer offers the button for Bo.
    assert response.content.decode().count(">Mark done</button>") == 1


def test_marking_twice_records_once(client, room):
    client.force_login(room.teacher_x)
    client.post(done_url(room.cohort_x, room.bo, room.teacher_lesson))
    response = client.post(done_url(room.cohort_x, room.bo, room.teacher_lesson), follow=True)
    assert "already been marked done" in response.content.decode()
    assert LearningStatement.objects.filter(user=room.bo).count() == 1


def test_the_teachers_mark_completes_the_course_when_it_was_the_last_lesson(room):
    for lesson in room.course.lessons[:3]:
        record(statement(room.bo, lesson))
    recorded = mark_done(room.teacher_x, room.cohort_x, room.bo, room.teacher_lesson.translation_key)
    assert recorded.course_completed
    assert Enrolment.objects.get(user=room.bo, course_key=room.course.page.translation_key).completed_at


def test_a_teacher_cannot_mark_for_someone_outside_their_cohort(client, room):
    client.force_login(room.teacher_x)
    assert client.post(done_url(room.cohort_x, room.cara, room.teacher_lesson)).status_code == 404
    assert client.post(done_url(room.cohort_y, room.cara, room.teacher_lesson)).status_code == 404
    assert not LearningStatement.objects.filter(
        user=room.cara, lesson_key=room.teacher_lesson.translation_key
    )
    assert progress(room.cara, room.teacher_lesson) is None


def test_the_service_refuses_a_non_participant_too(room):
    with pytest.raises(MarkDoneRefused, match="not a participant"):
        mark_done(room.teacher_x, room.cohort_x, room.cara, room.teacher_lesson.translation_key)
    assert progress(room.cara, room.teacher_lesson) is None


def test_a_lesson_the_participant_completes_themselves_is_refused_with_a_reason(client, room):
    client.force_login(room.teacher_x)
    lesson = room.course.lessons[2]
    response = client.post(done_url(room.cohort_x, room.bo, lesson), follow=True)
    assert "is completed by the participant&#x27;s own work" in response.content.decode()
    assert progress(room.bo, lesson) is None
    assert not LearningStatement.objects.filter(user=room.bo).exists()


def test_a_lesson_outside_the_cohorts_courses_is_refused(room, home):
    from tests.lms_factories import make_course

    other = make_course(home, "Another course", modules=1, lessons_per_module=1)
    with pytest.raises(MarkDoneRefused, match="not part of the cohort"):
        mark_done(room.teacher_x, room.cohort_x, room.bo, other.lessons[0].translation_key)


def test_marking_done_takes_a_post_and_a_teacher(client, room):
    address = done_url(room.cohort_x, room.bo, room.teacher_lesson)
    assert client.post(address).status_code == 302  # anonymous: to sign in
    client.force_login(room.anna)
    assert client.post(address).status_code == 404
    client.force_login(room.teacher_x)
    assert client.get(address).status_code == 405
    assert progress(room.bo, room.teacher_lesson) is None
