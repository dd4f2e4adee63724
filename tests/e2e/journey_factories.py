"""What the journey and reflow browser tests share: a course in English and Latvian with a cohort,
a supervision group and a placement, people in every role, and signing a browser in as one of them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from lms.models import LessonPage
from tests.factories import make_user
from tests.lms_factories import Course, make_course, make_lesson, translate_course
from tests.placement_factories import make_placement, school_contact
from tests.supervision_factories import make_group, make_session
from website.translating import translate

#: A long Latvian word and a long address: the kind of text that pushes a narrow page wide.
LONG_NAME = ("Anna-Marija", "Bērziņa-Ozoliņa-Kalniņa")


@dataclass
class Journey:
    course: Course
    latvian: Course
    cohort: object
    teacher: object
    learner: object
    supervisor: object
    group: object
    session: object
    student: object
    contact: object
    placement: object


def teacher_with_admin(username: str):
    user = make_user(username)
    user.first_name, user.last_name = "Inga", "Ozola"
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def build_journey(home) -> Journey:
    """Two modules of two lessons (each completed by opening it), translated into Latvian."""
    from tests.lms_factories import make_cohort

    cache.clear()
    if home.get_translations().filter(locale__language_code="lv").first() is None:
        translate(home, "lv", {}, strict=False)
    course = make_course(home, "Starting out as a peer support worker", modules=2, lessons_per_module=1)
    make_lesson(course.modules[1], "Your own story at work")
    course.lessons = list(LessonPage.objects.descendant_of(course.page).order_by("path"))
    latvian = translate_course(course, "lv", "LV ")
    teacher = teacher_with_admin("teacher")
    learner = make_user("learner")
    learner.first_name, learner.last_name = LONG_NAME
    learner.save()
    cohort = make_cohort(
        "Rīga and Vilnius, spring 2027", [course.page], teachers=[teacher], members=[learner]
    )
    supervisor = make_user("supervisor")
    group = make_group("Peer workers in Rīga", supervisors=[supervisor], participants=[learner])
    session = make_session(group, datetime.date(2027, 3, 4), present=[learner])
    contact = school_contact("contact", "Rasa", "Petrauskienė")
    placement = make_placement(learner, supervisor, contact)
    return Journey(
        course=course,
        latvian=latvian,
        cohort=cohort,
        teacher=teacher,
        learner=learner,
        supervisor=supervisor,
        group=group,
        session=session,
        student=learner,
        contact=contact,
        placement=placement,
    )


def sign_in(context, user, base_url: str) -> None:
    """Give the browser context a signed-in session for ``user`` (the sign-in form has its own tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def url(name: str, language: str, *args) -> str:
    from django.urls import reverse

    with translation.override(language):
        return reverse(name, args=args)
