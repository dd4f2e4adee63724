"""``{% check_questions check attempt as questions %}``: a check's questions with the latest attempt."""

from django import template

from lms.knowledge_checks import Grade, QuestionView, present

register = template.Library()


@register.simple_tag
def check_questions(check, attempt: Grade | None) -> list[QuestionView]:
    return present(check, attempt or None)
