"""A course with a learner enrolled in it, for the LMS suites."""

import pytest

from tests.factories import make_user
from tests.lms_factories import enrol, make_course


@pytest.fixture
def course(home):
    """Two modules of two lessons; every lesson is completed by opening it."""
    return make_course(home)


@pytest.fixture
def learner(course):
    user = make_user("learner")
    enrol(user, course.page)
    return user
