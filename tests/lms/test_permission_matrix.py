"""Who may open what: every LMS page and API endpoint × anonymous, two learners, two teachers,
an editor and an admin. No one reads what is not theirs.

Expected answers: OK (200), LOGIN (sent to sign in), NO (403 or 404, or sent away
without the content), and for the API 401 when nobody is signed in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction
from django.urls import reverse

from lms.certificates import issue_for_course
from lms.progress import record
from tests.factories import make_user
from tests.lms_factories import make_cohort, make_course, statement
from website.site_setup import set_up_site

pytestmark = pytest.mark.django_db

OK, LOGIN, NO, UNAUTHORISED = "ok", "login", "no", "401"
ACTORS = ["anonymous", "learner_a", "learner_b", "teacher_x", "teacher_y", "editor", "admin"]


@dataclass
class World:
    course: object
    users: dict
    cohort_x: object
    cohort_y: object
    certificate_a: object


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """Built once for the module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        site = set_up_site()
        course = make_course(site.homes["en"].specific)
        users = {
            "learner_a": make_user("learner_a"),
            "learner_b": make_user("learner_b"),
            "teacher_x": make_user("teacher_x"),
            "teacher_y": make_user("teacher_y"),
            "editor": make_user("editor", groups=(site.editor_groups["sv"],)),
            "admin": make_user("admin", superuser=True),
        }
        # Teachers reach the admin's reports (an admin gives them this, e.g. through a group).
        access_admin = Permission.objects.get(codename="access_admin")
        for teacher in ("teacher_x", "teacher_y"):
            users[teacher].user_permissions.add(access_admin)
        teachers, members = [users["teacher_x"]], [users["learner_a"]]
        cohort_x = make_cohort("Cohort X", [course.page], teachers=teachers, members=members)
        teachers, members = [users["teacher_y"]], [users["learner_b"]]
        cohort_y = make_cohort("Cohort Y", [course.page], teachers=teachers, members=members)
        for lesson in course.lessons:
            record(statement(users["learner_a"], lesson))
        record(statement(users["learner_b"], course.lessons[0]))
        certificate = issue_for_course(users["learner_a"], course.page.translation_key)
        yield World(course, users, cohort_x, cohort_y, certificate)
        transaction.set_rollback(True)


def outcome(response, login_path: str = "/account/login/") -> str:
    if response.status_code == 200:
        return OK
    if response.status_code == 401:
        return UNAUTHORISED
    if response.status_code in (301, 302) and login_path in response["Location"]:
        return LOGIN
    if response.status_code in (302, 403, 404, 405):
        return NO
    raise AssertionError(f"unexpected {response.status_code}")


def answers(client, world: World, method: str, url: str, **kwargs) -> dict[str, str]:
    login_path = "/admin/login/" if url.startswith("/admin/") else "/account/login/"
    seen = {}
    for actor in ACTORS:
        client.logout()
        if actor != "anonymous":
            client.force_login(world.users[actor])
        seen[actor] = outcome(getattr(client, method)(url, **kwargs), login_path)
        if actor != "anonymous" and seen[actor] == LOGIN:
            seen[actor] = NO  # signed in already: being sent to sign in is a refusal
    return seen


def expect(**cells) -> dict[str, str]:
    return {actor: cells[actor] for actor in ACTORS}


EVERYONE = expect(anonymous=OK, learner_a=OK, learner_b=OK, teacher_x=OK, teacher_y=OK, editor=OK, admin=OK)
SIGNED_IN = expect(
    anonymous=LOGIN, learner_a=OK, learner_b=OK, teacher_x=OK, teacher_y=OK, editor=OK, admin=OK
)
COHORT_X = expect(
    anonymous=LOGIN, learner_a=NO, learner_b=NO, teacher_x=OK, teacher_y=NO, editor=NO, admin=OK
)
HOLDER_A = expect(
    anonymous=LOGIN, learner_a=OK, learner_b=NO, teacher_x=NO, teacher_y=NO, editor=NO, admin=OK
)


def test_course_page(client, world):
    assert answers(client, world, "get", world.course.page.url) == EVERYONE


def test_lesson_page(client, world):
    # Participants, the teachers of cohorts on the course and admins; not an editor who is not enrolled.
    wanted = expect(
        anonymous=LOGIN, learner_a=OK, learner_b=OK, teacher_x=OK, teacher_y=OK, editor=NO, admin=OK
    )
    assert answers(client, world, "get", world.course.lessons[0].url) == wanted


def test_my_learning_and_my_certificates(client, world):
    assert answers(client, world, "get", reverse("lms:my_learning")) == SIGNED_IN
    assert answers(client, world, "get", reverse("certificates:list")) == SIGNED_IN


def test_teaching_pages_of_cohort_x(client, world):
    x, a = world.cohort_x.pk, world.users["learner_a"].pk
    teaching_list = expect(
        anonymous=LOGIN, learner_a=OK, learner_b=OK, teacher_x=OK, teacher_y=OK, editor=OK, admin=OK
    )
    seen_list = answers(client, world, "get", reverse("teaching:cohorts"))
    assert {k: v for k, v in seen_list.items() if k == "anonymous"} == {"anonymous": LOGIN}
    assert seen_list["teacher_x"] == teaching_list["teacher_x"]
    for url in (
        reverse("teaching:cohort", args=[x]),
        reverse("teaching:export", args=[x, "csv"]),
        reverse("teaching:export", args=[x, "xlsx"]),
        reverse("teaching:learner", args=[x, a]),
    ):
        assert answers(client, world, "get", url) == COHORT_X, url


def test_a_teacher_cannot_reach_a_learner_through_their_own_cohort_who_is_not_in_it(client, world):
    url = reverse("teaching:learner", args=[world.cohort_y.pk, world.users["learner_a"].pk])
    seen = answers(client, world, "get", url)
    assert seen["teacher_y"] == NO and seen["teacher_x"] == NO


def test_teacher_lists_show_only_their_cohorts(client, world):
    client.force_login(world.users["teacher_x"])
    page = client.get(reverse("teaching:cohorts")).content.decode()
    assert "Cohort X" in page and "Cohort Y" not in page
    matrix = client.get(reverse("teaching:cohort", args=[world.cohort_x.pk])).content.decode()
    assert "learner_a" in matrix and "learner_b" not in matrix


def test_certificate_download_is_for_its_holder(client, world):
    url = reverse("certificates:download", args=[world.certificate_a.code])
    assert answers(client, world, "get", url) == HOLDER_A


def test_verification_is_public_and_says_nothing_else(client, world):
    url = reverse("verify:certificate", args=[world.certificate_a.code])
    assert answers(client, world, "get", url) == EVERYONE
    page = client.get(url).content.decode()
    assert "learner_a@example.org" not in page


def test_data_export_gives_each_person_only_their_own(client, world):
    url = reverse("privacy:export")
    assert answers(client, world, "get", url) == SIGNED_IN
    client.force_login(world.users["learner_a"])
    exported = client.get(url).content.decode()
    assert "learner_a" in exported and "learner_b" not in exported


def test_api_my_progress(client, world):
    url = reverse("lms_api:my_progress")
    wanted = expect(
        anonymous=UNAUTHORISED, learner_a=OK, learner_b=OK, teacher_x=OK, teacher_y=OK, editor=OK, admin=OK
    )
    assert answers(client, world, "get", url) == wanted
    for learner, completed in (("learner_a", 4), ("learner_b", 1)):
        client.force_login(world.users[learner])
        (enrolment,) = client.get(url).json()["enrolments"]
        assert json.dumps(enrolment).count('"status": "completed"') == completed


def test_api_cohort_progress(client, world):
    url = reverse("lms_api:cohort_progress", kwargs={"cohort_id": world.cohort_x.pk})
    wanted = {**COHORT_X, "anonymous": UNAUTHORISED}
    assert answers(client, world, "get", url) == wanted


def test_api_statements_are_only_for_the_enrolled(client, world):
    from lms.statements import activity_iri

    body = json.dumps(
        {"verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
         "object": {"id": activity_iri(world.course.lessons[0].translation_key)}}
    )  # fmt: skip
    url = reverse("lms_api:statements")
    seen = answers(client, world, "post", url, data=body, content_type="application/json")
    assert seen["anonymous"] in (UNAUTHORISED, NO)
    assert (seen["learner_a"], seen["learner_b"]) == (OK, OK)
    assert seen["editor"] == NO


def test_admin_progress_reports(client, world):
    x = world.cohort_x.pk
    index = expect(
        anonymous=LOGIN, learner_a=NO, learner_b=NO, teacher_x=OK, teacher_y=OK, editor=NO, admin=OK
    )
    assert answers(client, world, "get", reverse("lms_cohort_progress")) == index
    assert answers(client, world, "get", reverse("lms_cohort_progress_matrix", args=[x])) == COHORT_X


def test_admin_cohorts_and_their_bulk_enrolment(client, world):
    x = world.cohort_x.pk
    listing = answers(client, world, "get", reverse("lms_cohorts:index"))
    assert (listing["anonymous"], listing["learner_a"], listing["admin"]) == (LOGIN, NO, OK)
    assert answers(client, world, "get", reverse("lms_cohorts:bulk_enrol", args=[x])) == COHORT_X
    client.force_login(world.users["teacher_y"])
    assert "Cohort X" not in client.get(reverse("lms_cohorts:index")).content.decode()


def test_admin_erasure_requests_are_for_admins_only(client, world):
    only_admin = expect(
        anonymous=LOGIN, learner_a=NO, learner_b=NO, teacher_x=NO, teacher_y=NO, editor=NO, admin=OK
    )
    assert answers(client, world, "get", reverse("lms_erasure_requests:index")) == only_admin
