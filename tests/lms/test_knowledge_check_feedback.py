"""After an attempt the learner sees what they chose, feedback beside each chosen answer, and
explanations only when the editor's setting allows: after every attempt, or once passed."""

from __future__ import annotations

import re

import pytest

from lms.knowledge_checks import grade, present
from tests.lms_factories import make_lesson, question

pytestmark = pytest.mark.django_db


def check_block(explanations: str):
    options = [("Someone with lived experience", True), ("A doctor", False), ("A relative", False)]
    first = question("Who is a peer support worker?", options)
    first["options"][1]["feedback"] = "Doctors treat; peer workers share experience."
    second = question("Recovery is personal.", [], kind="true_false", statement_is_true=True)
    body = {"title": "Check", "pass_mark": 100, "questions": [first, second], "explanations": explanations}
    return ("knowledge_check", body)


def answer(client, lesson, answers: dict) -> str:
    url = f"/en/learning/lessons/{lesson.translation_key}/checks/{lesson.body[0].id}/"
    return client.post(url, answers, follow=True).content.decode()


def checked_values(page: str, name: str) -> list[str]:
    inputs = re.findall(rf'<input [^>]*name="{name}"[^>]*>', page)
    return [re.search(r'value="(\d+)"', tag).group(1) for tag in inputs if " checked" in tag]


@pytest.fixture
def lesson_with(course):
    def make(explanations: str):
        return make_lesson(
            course.modules[0], "Check", body=[check_block(explanations)], completion_rule="check_passed"
        )

    return make


def test_choices_stay_selected_with_feedback_beside_each(client, learner, lesson_with):
    lesson = lesson_with("always")
    client.force_login(learner)
    page = answer(client, lesson, {"question-0": "1", "question-1": "0"})
    assert checked_values(page, "question-0") == ["1"]
    assert checked_values(page, "question-1") == ["0"]
    # The wrong choice says so, with its own feedback, tied to the input for screen readers.
    feedback = re.search(r'<span class="check__choice-feedback" id="([^"]+)">(.*?)</span>', page, re.S)
    assert "Your choice: not right." in feedback.group(2)
    assert "Doctors treat; peer workers share experience." in feedback.group(2)
    assert f'aria-describedby="{feedback.group(1)}"' in page
    # Unchosen answers are not marked: the right one is not given away by a mark.
    assert page.count("check__choice-feedback") == 2
    assert "Not passed yet: 0 % right, 100 % needed." in page


def test_explanations_after_every_attempt_when_the_editor_says_so(client, learner, lesson_with):
    lesson = lesson_with("always")
    client.force_login(learner)
    page = answer(client, lesson, {"question-0": "1", "question-1": "0"})
    assert "Why: Who is a peer support worker?" in page


def test_explanations_only_once_passed_by_default(client, learner, lesson_with):
    lesson = lesson_with("once_passed")
    client.force_login(learner)
    page = answer(client, lesson, {"question-0": "1", "question-1": "0"})
    assert "Why: Who is a peer support worker?" not in page
    page = answer(client, lesson, {"question-0": "0", "question-1": "1"})
    assert "Passed: 100 % right." in page
    assert "Why: Who is a peer support worker?" in page and "Why: Recovery is personal." in page
    assert checked_values(page, "question-0") == ["0"]


def test_a_check_saved_before_the_option_existed_hides_explanations_until_passed():
    _, value = check_block("always")
    del value["explanations"]

    failed = grade(value, {0: (1,), 1: (0,)})
    assert all(not view.explanation for view in present(value, failed))
    passed = grade(value, {0: (0,), 1: (1,)})
    assert all(view.explanation for view in present(value, passed))


def test_an_unanswered_question_is_reported_inside_the_check(client, learner, course):
    lesson = make_lesson(
        course.modules[0], "Check", body=[check_block("always")], completion_rule="check_passed"
    )
    client.force_login(learner)
    page = answer(client, lesson, {"question-0": "0"})
    region = re.search(r'<div class="check-result-region".*?</div>', page, re.S).group(0)
    assert "Unanswered: 2" in region and 'role="alert"' in region
