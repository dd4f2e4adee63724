"""Context for the course, module and lesson pages (filled in below)."""


def course_context(course, request) -> dict:
    return {}


def module_context(module, request) -> dict:
    return {}


def lesson_context(lesson, request) -> dict:
    return {}
