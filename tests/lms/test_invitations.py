"""Invitations into a cohort: one-time, expiring links; nothing of a person's record reaches
their teacher before they accept; the inviting forms answer the same for every address."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from lms import invitations
from lms.models import CohortMembership, Enrolment, LearningStatement
from lms.models.cohorts import Invitation
from lms.progress import record
from tests.factories import make_user
from tests.lms_factories import make_cohort, make_course, statement

User = get_user_model()
LINK = re.compile(r"https?://\S+/learning/invitations/\S+/")


@pytest.fixture
def course(home):
    return make_course(home, "Starting out", modules=1, lessons_per_module=1)


@pytest.fixture
def teacher(db):
    from django.contrib.auth.models import Permission

    user = make_user("teacher")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def cohort(course, teacher):
    return make_cohort("Riga spring", [course.page], teachers=[teacher])


def link_in(mail) -> str:
    return LINK.search(mail.body).group(0)


def invite(cohort, email, capture, **kwargs):
    with capture(execute=True):
        invitations.invite_by_email(cohort, email, **kwargs)


def test_an_existing_persons_record_stays_hidden_until_they_accept(
    client, cohort, course, teacher, django_capture_on_commit_callbacks, mailoutbox
):
    person = make_user("liga")
    record(statement(person, course.lessons[0]), lesson=course.lessons[0])
    invite(cohort, person.email, django_capture_on_commit_callbacks, invited_by=teacher)
    assert [mail.to for mail in mailoutbox] == [[person.email]]
    url = link_in(mailoutbox[0])

    client.force_login(teacher)
    dashboard = client.get(reverse("teaching:cohort", args=[cohort.pk]))
    page = dashboard.content.decode()
    assert "liga@example.org" in page  # listed as invited, by address only
    assert f"/participants/{person.pk}/" not in page
    assert client.get(reverse("teaching:learner", args=[cohort.pk, person.pk])).status_code == 404
    export = client.get(reverse("teaching:export", args=[cohort.pk, "csv"])).content.decode()
    assert "liga" not in export

    client.force_login(person)
    answer = client.get(url)
    assert answer.status_code == 200 and "Riga spring" in answer.content.decode()
    accepted = client.post(url, {"answer": "accept"})
    assert accepted.status_code == 302 and accepted["Location"] == course.page.url
    assert CohortMembership.objects.filter(cohort=cohort, user=person).exists()
    assert Enrolment.objects.filter(user=person, course_key=course.page.translation_key).exists()

    client.force_login(teacher)
    assert client.get(reverse("teaching:learner", args=[cohort.pk, person.pk])).status_code == 200
    assert "liga" in client.get(reverse("teaching:export", args=[cohort.pk, "csv"])).content.decode()
    # One-time: the used link answers clearly and changes nothing.
    client.force_login(person)
    again = client.post(url, {"answer": "decline"})
    assert again.status_code == 410 and "already been used" in again.content.decode()
    assert CohortMembership.objects.filter(cohort=cohort, user=person).exists()


def test_declining_shares_nothing(client, cohort, django_capture_on_commit_callbacks, mailoutbox):
    person = make_user("janis")
    invite(cohort, person.email, django_capture_on_commit_callbacks)
    client.force_login(person)
    response = client.post(link_in(mailoutbox[0]), {"answer": "decline"})
    assert response.status_code == 302
    assert Invitation.objects.get().status == Invitation.Status.DECLINED
    assert not cohort.members.exists() and not Enrolment.objects.filter(user=person).exists()


def test_a_new_person_sets_a_password_there_and_then_signs_in_with_their_address(
    client, cohort, course, django_capture_on_commit_callbacks, mailoutbox
):
    invite(cohort, "Anna.Berzina@example.org", django_capture_on_commit_callbacks, name="Anna Bērziņa")
    person = User.objects.get(email="Anna.Berzina@example.org")
    assert not person.has_usable_password()
    url = link_in(mailoutbox[0])
    assert "choose your password" in mailoutbox[0].body

    form = client.get(url)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    short = client.post(url, {"new_password1": "abc", "new_password2": "abc"})
    assert short.status_code == 200 and not cohort.members.exists()  # a refused password changes nothing
    saved = client.post(url, {"new_password1": "Riga-spring-2027", "new_password2": "Riga-spring-2027"})
    assert saved.status_code == 302 and saved["Location"].startswith(reverse("login"))
    assert cohort.members.filter(pk=person.pk).exists()

    signed_in = client.post(
        saved["Location"],
        {"username": "anna.berzina@EXAMPLE.org", "password": "Riga-spring-2027", "next": course.page.url},
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == course.page.url
    assert client.get(url).status_code == 410


def test_an_expired_or_unknown_link_is_refused_and_changes_nothing(
    client, cohort, django_capture_on_commit_callbacks, mailoutbox
):
    person = make_user("old")
    invite(cohort, person.email, django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(person)
    expired = client.post(link_in(mailoutbox[0]), {"answer": "accept"})
    assert expired.status_code == 410 and "expired" in expired.content.decode()
    unknown = client.get(reverse("lms:invitation", args=["not-a-token"]))
    assert unknown.status_code == 410 and "not valid" in unknown.content.decode()
    assert not cohort.members.exists()


def test_someone_else_signed_in_cannot_use_the_link(
    client, cohort, django_capture_on_commit_callbacks, mailoutbox
):
    invitee = make_user("invitee")
    invite(cohort, invitee.email, django_capture_on_commit_callbacks)
    client.force_login(make_user("stranger"))
    response = client.post(link_in(mailoutbox[0]), {"answer": "accept"})
    assert response.status_code == 403 and not cohort.members.exists()
    client.logout()
    anonymous = client.get(link_in(mailoutbox[0]))
    assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]


def test_the_token_is_stored_only_as_a_hash_and_reinviting_renews_one_link(
    cohort, django_capture_on_commit_callbacks, mailoutbox
):
    person = make_user("twice")
    invite(cohort, person.email, django_capture_on_commit_callbacks)
    invite(cohort, person.email, django_capture_on_commit_callbacks)
    first, second = (link_in(mail).rstrip("/").rsplit("/", 1)[1] for mail in mailoutbox)
    invitation = Invitation.objects.get()
    assert first not in invitation.token_hash and second not in invitation.token_hash
    with pytest.raises(invitations.InvitationError):
        invitations.open_invitation(first)
    assert invitations.open_invitation(second).pk == invitation.pk


def test_the_email_is_in_the_courses_language(home, teacher, django_capture_on_commit_callbacks, mailoutbox):
    from tests.lms_factories import translate_course

    latvian = translate_course(make_course(home, "Basics", modules=1), "lv", "LV ")
    cohort = make_cohort("Rīga", [latvian.page], teachers=[teacher])
    invite(cohort, "new@example.org", django_capture_on_commit_callbacks)
    mail = mailoutbox[0]
    assert "/lv/learning/invitations/" in mail.body and "LV Basics" in mail.body
    assert "Nordpeer" in mail.subject and "Invitation to" not in mail.subject


def admin_invite(client, cohort, email):
    return client.post(
        reverse("lms_cohorts:invite", args=[cohort.pk]), {"email": email, "name": ""}, follow=True
    )


def test_the_admin_form_answers_the_same_for_known_and_unknown_addresses(
    client, cohort, teacher, django_capture_on_commit_callbacks
):
    make_user("known")
    client.force_login(teacher)
    answers = []
    for email in ["known@example.org", "nobody@example.org"]:
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_invite(client, cohort, email)
        assert response.status_code == 200
        text = response.content.decode().replace(email, "ADDRESS")
        answers.append(re.search(r"An invitation to .*? accept it\.", text).group(0))
    assert answers[0] == answers[1]
    assert Invitation.objects.filter(cohort=cohort).count() == 2
    assert not cohort.members.exists()


def test_a_teacher_cannot_invite_into_another_cohort(client, course, teacher):
    other = make_cohort("Not theirs", [course.page])
    client.force_login(teacher)
    response = client.post(reverse("lms_cohorts:invite", args=[other.pk]), {"email": "x@example.org"})
    assert response.status_code == 404 and not Invitation.objects.exists()


def test_a_teacher_pulling_in_an_account_reads_nothing_of_it(client, cohort, course, teacher):
    """Point 6 of the issue: inviting an address does not open that person's record."""
    person = make_user("unwilling")
    record(statement(person, course.lessons[0]), lesson=course.lessons[0])
    client.force_login(teacher)
    client.post(reverse("lms_cohorts:invite", args=[cohort.pk]), {"email": person.email})
    assert client.get(reverse("teaching:learner", args=[cohort.pk, person.pk])).status_code == 404
    assert LearningStatement.objects.filter(user=person).count() == 1


def test_invitations_are_in_the_persons_data_export(cohort, django_capture_on_commit_callbacks):
    from lms.privacy import export_data

    person = make_user("exported")
    invite(cohort, person.email, django_capture_on_commit_callbacks)
    exported = export_data(person, "en")["invitations"]
    assert [(row["cohort"], row["status"]) for row in exported] == [("Riga spring", "pending")]
