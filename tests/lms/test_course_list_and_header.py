"""The course list, the header's links by role, and self-registration on a course page."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from lms.models import Enrolment
from lms.models.cohorts import Invitation
from tests.factories import make_user, publish
from tests.lms_factories import enrol, make_cohort, make_course, translate_course
from tests.placement_factories import make_placement, school_contact
from tests.supervision_factories import make_group


@pytest.fixture
def courses(home, translated_home):
    cache.clear()
    shared = make_course(home, "Starting out", modules=1, lessons_per_module=1)
    translate_course(shared, "nb", "NB ")
    english_only = make_course(home, "Working with families", modules=1, lessons_per_module=1)
    draft = make_course(home, "Not ready", modules=1, lessons_per_module=1)
    draft.page.unpublish()
    return shared, english_only


def test_the_course_list_shows_published_courses_in_the_readers_language(client, courses):
    shared, english_only = courses
    learner = make_user("kari")
    enrol(learner, shared.page)
    client.force_login(learner)
    page = client.get("/nb/courses/").content.decode()
    assert "NB Starting out" in page and "Working with families" in page and "Not ready" not in page
    # The English stand-in says so, and carries its own language for screen readers.
    assert re.search(
        r'<li class="card" lang="en">\s*<h2 class="card__title"><a[^>]*>Working with families', page
    )
    english = client.get("/en/courses/").content.decode()
    assert "You are enrolled." in english and "Open for enrolment." in english


def links(client, user=None) -> str:
    if user is not None:
        client.force_login(user)
    page = client.get("/en/courses/").content.decode()
    return re.search(r'<nav class="account-menu".*?</nav>', page, re.S).group(0)


def test_the_header_shows_each_person_the_links_that_concern_them(client, courses, db):
    shared, _ = courses
    assert "Teaching" not in links(client) and "Sign in" in links(client)
    teacher, learner, supervisor = make_user("teacher"), make_user("learner"), make_user("supervisor")
    make_cohort("Riga", [shared.page], teachers=[teacher], members=[learner])
    make_group("Oslo group", supervisors=[supervisor])
    contact = school_contact("contact")
    student = make_user("student")
    make_placement(student, make_user("mentor"), contact)

    teacher_menu = links(client, teacher)
    assert "Teaching" in teacher_menu and "My certificates" not in teacher_menu
    assert "Group supervision" not in teacher_menu and "Practice placements" not in teacher_menu
    learner_menu = links(client, learner)
    assert "My certificates" in learner_menu and "Teaching" not in learner_menu
    assert "Group supervision" in links(client, supervisor)
    assert "Practice placements" in links(client, contact)
    # The query of the person's records is compiled once per shape and reused for the next person.
    assert "Practice placements" in links(client, student)
    assert "Practice placements" not in links(client, learner)


def test_self_registration_answers_the_same_and_enrols_on_confirming(
    client, home, django_capture_on_commit_callbacks, mailoutbox
):
    cache.clear()
    course = make_course(home, "Open course", modules=1, lessons_per_module=1)
    page = course.page
    assert "Register with your e-mail address" not in client.get(page.url).content.decode()
    page.self_registration = True
    publish(page)
    assert "Register with your e-mail address" in client.get(page.url).content.decode()
    make_user("known")
    answers = []
    for email in ["known@example.org", "stranger@example.org"]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("lms:register", args=[page.translation_key]), {"email": email})
        assert response.status_code == 200
        answers.append(response.content.decode().replace(email, "ADDRESS"))
    assert answers[0] == answers[1]
    assert sorted(mail.to[0] for mail in mailoutbox) == ["known@example.org", "stranger@example.org"]
    assert not Enrolment.objects.exists()

    link = re.search(r"https?://\S+/learning/invitations/\S+/", mailoutbox[1].body).group(0)
    chosen = {"new_password1": "Open-course-27", "new_password2": "Open-course-27"}
    assert client.post(link, chosen).status_code == 302
    stranger = Invitation.objects.get(user__email="stranger@example.org").user
    assert Enrolment.objects.filter(user=stranger, course_key=page.translation_key).exists()


def test_registration_is_refused_where_the_course_does_not_take_it(client, home):
    course = make_course(home, "Closed", modules=1, lessons_per_module=1)
    response = client.post(
        reverse("lms:register", args=[course.page.translation_key]), {"email": "a@example.org"}
    )
    assert response.status_code == 404 and not Invitation.objects.exists()
