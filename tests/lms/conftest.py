"""A course with a learner enrolled in it, for the LMS suites."""

import copy

import pytest

from tests.dashboard_factories import Classroom, make_classroom
from tests.factories import make_user, source_home
from tests.lms_factories import enrol, fresh_course, make_course
from tests.module_data import built_for_the_module


def _course_builder(request):
    """How the module makes its course: its own ``build_course(home)`` where it has one."""
    return getattr(request.module, "build_course", make_course)


@pytest.fixture(scope="module")
def module_course(request, django_db_setup, django_db_blocker):
    """The course below, built once for a module (tests/module_data.py); None where it cannot be."""
    build = _course_builder(request)
    yield from built_for_the_module(request, django_db_blocker, lambda: build(source_home()))


@pytest.fixture
def course(request, module_course, home):
    """Two modules of two lessons, every lesson completed by opening it; or the module's own
    ``build_course(home)``."""
    if module_course is None:
        return _course_builder(request)(home)
    return fresh_course(module_course)


@pytest.fixture(scope="module")
def module_classroom(request, django_db_setup, django_db_blocker):
    """The classroom below, built once for a module; None where it cannot be."""
    yield from built_for_the_module(request, django_db_blocker, lambda: make_classroom(source_home()))


@pytest.fixture
def room(module_classroom, home) -> Classroom:
    """Two cohorts with their teachers and learners in one course (tests/dashboard_factories.py)."""
    if module_classroom is None:
        return make_classroom(home)
    # A test's own objects, as built: what one test changes in them stays out of the next.
    return copy.deepcopy(module_classroom)


@pytest.fixture
def learner(course):
    user = make_user("learner")
    enrol(user, course.page)
    return user
