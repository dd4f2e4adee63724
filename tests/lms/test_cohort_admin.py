"""Cohorts in the Wagtail admin: admins manage all, teachers see their own and bulk-enrol into them."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import APIToken

from lms.models import Cohort
from lms.models.cohorts import Invitation
from tests.factories import make_user
from tests.lms_factories import make_cohort, make_course


def admin_teacher(username):
    """A teacher who can reach the Wagtail admin (but has no cohort permissions)."""
    user = make_user(username)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def course(home):
    return make_course(home, "Basics", modules=1)


@pytest.fixture
def cohorts(course):
    x_teacher, y_teacher = admin_teacher("teacher_x"), admin_teacher("teacher_y")
    participant = make_user("participant")
    return (
        make_cohort("Cohort X", [course.page], teachers=[x_teacher], members=[participant]),
        make_cohort("Cohort Y", [course.page], teachers=[y_teacher]),
    )


def test_superuser_creates_a_cohort(client, course):
    client.force_login(make_user("admin", superuser=True))
    teacher = make_user("teacher")
    response = client.post(
        reverse("lms_cohorts:add"),
        {
            "name": "Vilnius",
            "courses": [course.page.pk],
            "teachers": [teacher.pk],
            "starts_on": "2026-01-10",
            "ends_on": "2026-06-01",
        },  # fmt: skip
    )
    assert response.status_code == 302, response.content
    cohort = Cohort.objects.get(name="Vilnius")
    assert list(cohort.teachers.all()) == [teacher]


def test_a_cohort_cannot_end_before_it_starts(client, course):
    client.force_login(make_user("admin", superuser=True))
    response = client.post(
        reverse("lms_cohorts:add"),
        {
            "name": "Backwards",
            "courses": [course.page.pk],
            "starts_on": "2026-06-01",
            "ends_on": "2026-01-01",
        },
    )
    assert response.status_code == 200 and not Cohort.objects.filter(name="Backwards").exists()


def test_teacher_lists_and_inspects_only_their_cohorts(client, cohorts):
    x, y = cohorts
    client.force_login(x.teachers.get())
    listing = client.get(reverse("lms_cohorts:index"))
    assert listing.status_code == 200
    assert "Cohort X" in listing.content.decode() and "Cohort Y" not in listing.content.decode()
    inspect = client.get(reverse("lms_cohorts:inspect", args=[x.pk]))
    assert inspect.status_code == 200 and "participant@example.org" in inspect.content.decode()
    assert reverse("lms_cohorts:bulk_enrol", args=[x.pk]) in inspect.content.decode()
    # A 404 outside the language prefix is redirected to /en/... by LocaleMiddleware, where it stays a 404.
    other = client.get(reverse("lms_cohorts:inspect", args=[y.pk]), follow=True)
    assert other.status_code == 404 and "Cohort Y" not in other.content.decode()
    assert client.get(reverse("lms_cohorts:edit", args=[x.pk])).status_code == 302


def upload(client, cohort, content: bytes):
    data = {"csv_file": SimpleUploadedFile("people.csv", content, content_type="text/csv")}
    return client.post(reverse("lms_cohorts:bulk_enrol", args=[cohort.pk]), data)


def test_teacher_bulk_enrols_into_own_cohort_and_sees_the_report(client, cohorts):
    x, _y = cohorts
    client.force_login(x.teachers.get())
    form = client.get(reverse("lms_cohorts:bulk_enrol", args=[x.pk]))
    assert form.status_code == 200 and 'for="id_csv_file"' in form.content.decode()
    response = upload(client, x, b"email,name\nnew@example.org,New Person\nbad-email,Bad\n")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<table" in page and "new@example.org" in page and "not a valid email" in page
    # Invited, not yet a member: they join when they accept.
    assert Invitation.objects.filter(cohort=x, user__email="new@example.org", status="pending").exists()
    assert not x.members.filter(email="new@example.org").exists()


def test_teacher_cannot_bulk_enrol_into_another_cohort(client, cohorts):
    x, y = cohorts
    client.force_login(x.teachers.get())
    assert upload(client, y, b"email\nintruder@example.org\n").status_code == 404
    assert not y.members.exists() and not Invitation.objects.exists()


def test_a_bad_file_shows_an_error_and_changes_nothing(client, cohorts):
    x, _y = cohorts
    client.force_login(make_user("admin", superuser=True))
    response = upload(client, x, "email\nåse@example.org\n".encode("latin-1"))
    assert response.status_code == 200 and "not UTF-8" in response.content.decode()
    assert x.members.count() == 1


def test_api_tokens_are_managed_in_the_admin_and_shown_once(client, db):
    admin = make_user("admin", superuser=True)
    client.force_login(admin)
    response = client.post(reverse("wagtailusers_api_tokens:add"), {"name": "LRS bridge", "user": admin.pk})
    token = APIToken.objects.get(name="LRS bridge")
    assert response.status_code == 200 and token.prefix in response.content.decode()
    assert client.get(reverse("wagtailusers_api_tokens:index")).status_code == 200
