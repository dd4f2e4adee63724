"""A course with a learner enrolled in it, for the LMS suites."""

import pytest
from django.conf import settings

from tests.factories import make_user
from tests.lms_factories import Course, enrol, make_course
from tests.module_data import built_for_the_module, fresh
from website.models import HomePage


def _source_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture(scope="module")
def module_course(request, django_db_setup, django_db_blocker):
    """The course below, built once for a module (tests/module_data.py); None where it cannot be."""
    yield from built_for_the_module(request, django_db_blocker, lambda: make_course(_source_home()))


@pytest.fixture
def course(module_course, home):
    """Two modules of two lessons; every lesson is completed by opening it."""
    if module_course is None:
        return make_course(home)
    return Course(
        page=fresh(module_course.page),
        modules=[fresh(module) for module in module_course.modules],
        lessons=[fresh(lesson) for lesson in module_course.lessons],
    )


@pytest.fixture
def learner(course):
    user = make_user("learner")
    enrol(user, course.page)
    return user
