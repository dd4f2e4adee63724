"""The interactive block in a lesson: a titled, sandboxed frame with the learner's own grant."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import override_settings

from lms.content.access import LAUNCH_SALT, ContentGrant, check_grant
from lms.models import PackageStatus
from tests.content_factories import SessionClient, fake_package, interactive_lesson
from tests.factories import make_user
from tests.lms_factories import make_cohort


@pytest.fixture
def package(db):
    return fake_package("Is this false?", "en", files={"h5p.json": b"{}"})


@pytest.fixture
def lesson(course, package):
    return interactive_lesson(course.modules[0], package)


def frame_src(page: str) -> str:
    return unescape(re.search(r'<iframe class="interactive__frame" src="([^"]+)"', page).group(1))


def test_a_learner_gets_a_titled_sandboxed_frame_with_their_own_grant(lesson, learner, package):
    client = SessionClient()
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    assert 'title="Is this false?"' in page
    assert 'sandbox="allow-scripts allow-forms allow-popups allow-modals"' in page
    assert 'role="status" aria-live="polite"' in page
    src = frame_src(page)
    assert src.startswith("/content/launch/")
    token = src.removeprefix("/content/launch/").split("/")[0]
    granted = check_grant(ContentGrant.read(token, salt=LAUNCH_SALT))
    assert granted.user == learner and granted.package == package
    assert granted.grant.activity == lesson.activity_ids("interactive")[0]
    assert "channel=" in src.split("#")[1] and "parent=http" in src.split("#")[1]


@override_settings(CONTENT_ORIGIN="http://content.example")
def test_with_a_content_origin_the_frame_opens_there(lesson, learner):
    client = SessionClient()
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    assert frame_src(page).startswith("http://content.example/content/launch/")
    assert "allow-same-origin" in page
    assert 'data-message-origin="http://content.example"' in page


def test_a_package_that_is_not_ready_is_not_framed(lesson, learner, package):
    package.status, package.live_revision = PackageStatus.REFUSED, None
    package.save()
    client = SessionClient()
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    assert "interactive__frame" not in page
    assert "opens for the course" in page


def test_a_teacher_of_the_course_may_open_it_too(lesson, course):
    teacher = make_user("teacher")
    make_cohort("Spring", [course.page], teachers=[teacher])
    client = SessionClient()
    client.force_login(teacher)
    assert "interactive__frame" in client.get(lesson.url).content.decode()
