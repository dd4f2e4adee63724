"""Each completion rule completes a lesson by its own event, and only by it."""

from __future__ import annotations

import pytest

from lms.models import LearningStatement, LessonProgress
from lms.progress import record
from lms.statements import PROGRESS_EXTENSION, Verb
from tests.factories import make_user, make_video
from tests.lms_factories import knowledge_check, make_lesson, statement

pytestmark = pytest.mark.django_db


def status(user, lesson) -> str | None:
    progress = LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key).first()
    return progress.status if progress else None


def test_viewed_a_lesson_is_completed_by_opening_it(client, learner, course):
    lesson = course.lessons[0]
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200
    assert status(learner, lesson) == "completed"


def test_video_rule_needs_every_tracked_video_watched_to_the_share(home, learner, course):
    videos = [make_video(home, "Clip one"), make_video(home, "Clip two")]
    lesson = make_lesson(
        course.modules[0],
        "Watch",
        body=[("tracked_video", {"video": v}) for v in videos],
        completion_rule="video_watched",
        video_share=80,
    )
    first, second = (f"tracked_video:{block.id}" for block in lesson.body)

    def watched(activity, share):
        record(statement(learner, lesson, Verb.PROGRESSED, activity, extensions={PROGRESS_EXTENSION: share}))

    watched(first, 0.5)
    watched(second, 0.9)
    assert status(learner, lesson) == "in_progress"
    watched(first, 0.3)  # a lower report later does not lower the best
    assert status(learner, lesson) == "in_progress"
    watched(first, 0.8)
    assert status(learner, lesson) == "completed"


def test_check_rule_completes_on_a_pass_through_the_answer_form(client, learner, course):
    lesson = make_lesson(
        course.modules[0], "Check", body=[knowledge_check(pass_mark=100)], completion_rule="check_passed"
    )
    url = f"/en/learning/lessons/{lesson.translation_key}/checks/{lesson.body[0].id}/"
    client.force_login(learner)
    client.post(url, {"question-0": "0", "question-1": "0"})
    assert status(learner, lesson) == "in_progress"
    client.post(url, {"question-0": "0", "question-1": "1"})
    assert status(learner, lesson) == "completed"
    assert LessonProgress.objects.get(user=learner, lesson_key=lesson.translation_key).success == "passed"


def test_learner_rule_completes_when_the_learner_marks_it_done(client, learner, course):
    lesson = make_lesson(course.modules[0], "Reflect", completion_rule="learner_marks_done")
    client.force_login(learner)
    client.get(lesson.url)
    assert status(learner, lesson) == "in_progress"
    client.post(f"/en/learning/lessons/{lesson.translation_key}/done/")
    assert status(learner, lesson) == "completed"


def test_marking_done_is_refused_where_another_rule_holds(client, learner, course):
    lesson = make_lesson(course.modules[0], "Watch", completion_rule="teacher_marks_done")
    client.force_login(learner)
    response = client.post(f"/en/learning/lessons/{lesson.translation_key}/done/", follow=True)
    assert "completed in another way" in response.content.decode()
    assert not LearningStatement.objects.filter(verb=Verb.COMPLETED).exists()


def test_teacher_rule_completes_only_on_a_teachers_word(learner, course):
    lesson = make_lesson(course.modules[0], "Practice", completion_rule="teacher_marks_done")
    record(statement(learner, lesson, Verb.COMPLETED))  # the learner's own word
    assert status(learner, lesson) == "in_progress"
    teacher = make_user("teacher")
    from dataclasses import replace

    record(replace(statement(learner, lesson, Verb.COMPLETED), authority_id=teacher.pk))
    assert status(learner, lesson) == "completed"


def test_an_optional_lesson_does_not_hold_up_the_course(learner, course):
    from lms.models import Enrolment

    make_lesson(course.modules[1], "Extra reading", required=False)
    for lesson in course.lessons:
        record(statement(learner, lesson))
    assert Enrolment.objects.get(user=learner).completed_at is not None
