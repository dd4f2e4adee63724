"""Knowledge checks: read a learner's answers, grade them on the server, and say how it went.

The answers go into the learning record with the statement, so the lesson can show
the feedback of the latest attempt in whichever language the learner reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _

from lms.models import LearningStatement, LessonPage
from lms.statements import Result, Statement, StatementError, Verb, lesson_statement

#: The learner's answers, by question number: {"0": [1], "1": [0, 2]}.
ANSWERS_EXTENSION = "https://nordpeer.eu/xapi/extensions/answers"
TRUE, FALSE = 1, 0


class UnansweredQuestions(StatementError):
    """Some questions have no answer: nothing is graded or recorded."""


@dataclass(frozen=True)
class QuestionResult:
    number: int
    question: object
    chosen: tuple[int, ...]
    correct: bool

    @property
    def feedback(self) -> list[str]:
        if self.question["kind"] == "true_false":
            return []
        options = self.question["options"]
        return [options[i]["feedback"] for i in self.chosen if i < len(options) and options[i]["feedback"]]


@dataclass(frozen=True)
class Grade:
    questions: list[QuestionResult]
    pass_mark: int

    @property
    def score_raw(self) -> int:
        return sum(q.correct for q in self.questions)

    @property
    def score_max(self) -> int:
        return len(self.questions)

    @property
    def scaled(self) -> float:
        return self.score_raw / self.score_max if self.score_max else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.scaled)

    @property
    def passed(self) -> bool:
        return self.percent >= self.pass_mark


#: When a check shows its questions' explanations (the block's ``explanations`` option).
EXPLAIN_ALWAYS, EXPLAIN_ONCE_PASSED = "always", "once_passed"


@dataclass(frozen=True)
class ChoiceView:
    """One answer as the learner sees it after an attempt: chosen or not, and what that meant."""

    value: int
    text: str
    chosen: bool
    #: Only for a chosen answer: True right, False wrong; None when not chosen (nothing given away).
    right: bool | None
    feedback: str


@dataclass(frozen=True)
class QuestionView:
    number: int
    kind: str
    prompt: str
    choices: list[ChoiceView]
    #: None before the first attempt, else whether the latest answer to this question was right.
    correct: bool | None
    explanation: str


def present(check, attempt: Grade | None) -> list[QuestionView]:
    """The questions with the latest attempt's choices kept and feedback beside each chosen answer.

    Explanations tell the right answer, so where the editor chose ``once_passed`` they
    stay hidden until the check is passed.
    """
    explain = attempt is not None and (
        attempt.passed or check.get("explanations", EXPLAIN_ONCE_PASSED) == EXPLAIN_ALWAYS
    )
    results = {result.number: result for result in attempt.questions} if attempt else {}
    views = []
    for number, question in enumerate(check["questions"]):
        result = results.get(number)
        chosen = set(result.chosen) if result else set()
        right = set(_correct_answer(question))
        if question["kind"] == "true_false":
            options = [(TRUE, _("True"), ""), (FALSE, _("False"), "")]
        else:
            options = [
                (i, option["text"], option["feedback"]) for i, option in enumerate(question["options"])
            ]
        choices = [
            ChoiceView(
                value=value,
                text=text,
                chosen=value in chosen,
                right=(value in right) if value in chosen else None,
                feedback=feedback if value in chosen else "",
            )
            for value, text, feedback in options
        ]
        views.append(
            QuestionView(
                number=number,
                kind=question["kind"],
                prompt=question["prompt"],
                choices=choices,
                correct=result.correct if result else None,
                explanation=question["explanation"] if explain else "",
            )
        )
    return views


def find_check(lesson: LessonPage, block_id: str):
    """The knowledge check block ``block_id`` of ``lesson``, or None."""
    return next(
        (
            block.value
            for block in lesson.body
            if block.block_type == "knowledge_check" and block.id == block_id
        ),
        None,
    )


def _correct_answer(question) -> tuple[int, ...]:
    if question["kind"] == "true_false":
        return (TRUE,) if question["statement_is_true"] else (FALSE,)
    return tuple(i for i, option in enumerate(question["options"]) if option["correct"])


def read_answers(check, data: QueryDict) -> dict[int, tuple[int, ...]]:
    """Answers from a submitted form, fields ``question-<n>``; every question needs one."""
    answers, missing = {}, []
    for number, question in enumerate(check["questions"]):
        limit = 2 if question["kind"] == "true_false" else len(question["options"])
        chosen = tuple(
            sorted({int(v) for v in data.getlist(f"question-{number}") if v.isdigit() and int(v) < limit})
        )
        if question["kind"] != "multiple":
            chosen = chosen[:1]
        if not chosen:
            missing.append(number + 1)
        answers[number] = chosen
    if missing:
        raise UnansweredQuestions(
            _("Answer every question before checking. Unanswered: %(numbers)s.")
            % {"numbers": ", ".join(map(str, missing))}
        )
    return answers


def grade(check, answers: dict[int, tuple[int, ...]]) -> Grade:
    results = [
        QuestionResult(
            number=number,
            question=question,
            chosen=tuple(answers.get(number, ())),
            correct=tuple(answers.get(number, ())) == _correct_answer(question),
        )
        for number, question in enumerate(check["questions"])
    ]
    return Grade(questions=results, pass_mark=check["pass_mark"])


def attempt_statement(user, lesson: LessonPage, block_id: str, answers: dict, result: Grade) -> Statement:
    return lesson_statement(
        user.pk,
        lesson,
        Verb.PASSED if result.passed else Verb.FAILED,
        activity=f"knowledge_check:{block_id}",
        result=Result(
            score_scaled=result.scaled,
            score_raw=result.score_raw,
            score_min=0,
            score_max=result.score_max,
            success=result.passed,
            completion=True,
            extensions={ANSWERS_EXTENSION: {str(n): list(chosen) for n, chosen in answers.items()}},
        ),
    )


def latest_attempts(user, lesson: LessonPage) -> dict[str, Grade]:
    """The latest attempt at each of the lesson's checks, graded against the check as it is now."""
    checks = {block.id: block.value for block in lesson.body if block.block_type == "knowledge_check"}
    if not checks or not user.is_authenticated:
        return {}
    attempts: dict[str, Grade] = {}
    statements = LearningStatement.objects.filter(
        user=user, lesson_key=lesson.translation_key, activity__startswith="knowledge_check:"
    ).order_by("-timestamp", "-stored")
    for statement in statements.only("activity", "extensions"):
        block_id = statement.activity.partition(":")[2]
        if block_id in checks and block_id not in attempts:
            stored = statement.extensions.get(ANSWERS_EXTENSION, {})
            answers = {int(n): tuple(chosen) for n, chosen in stored.items() if str(n).isdigit()}
            attempts[block_id] = grade(checks[block_id], answers)
        if len(attempts) == len(checks):
            break
    return attempts
