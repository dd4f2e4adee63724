"""The teacher dashboard as a Wagtail admin report under Reports."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.dashboard_factories import person
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def with_admin_access(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def room(room):
    with_admin_access(room.teacher_x)
    with_admin_access(room.teacher_y)
    return room


def matrix_url(cohort) -> str:
    return reverse("lms_cohort_progress_matrix", args=[cohort.pk])


def assert_refused(client, address: str, **params):
    """Wagtail answers a refusal with a redirect to the admin dashboard and a message."""
    response = client.get(address, params)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_report_lists_the_teachers_own_cohorts(client, room):
    client.force_login(room.teacher_x)
    response = client.get(reverse("lms_cohort_progress"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cohort X" in html and "Cohort Y" not in html
    assert matrix_url(room.cohort_x) in html


def test_the_reports_menu_offers_it_to_teachers(client, room):
    client.force_login(room.teacher_x)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("lms_cohort_progress") in html


def test_the_menu_item_is_hidden_from_editors(client, room, editor_of):
    editor = editor_of("sv")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("lms_cohort_progress") not in html
    assert_refused(client, reverse("lms_cohort_progress"))
    assert_refused(client, matrix_url(room.cohort_x))


def test_the_matrix_report_shows_the_same_matrix_as_the_site(client, room):
    client.force_login(room.teacher_x)
    response = client.get(matrix_url(room.cohort_x))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cohort progress: Cohort X" in html
    assert "Anna Aalto" in html and "Bo Berg" in html and "Cara Cruz" not in html
    assert "score 80 %" in html and "25 % (1 of 4)" in html
    assert 'role="img"' in html  # the distribution chart
    assert "Mark done" not in html  # the admin report only reads
    assert "?export=xlsx" in html and "?export=csv" in html


def test_the_matrix_report_exports_the_site_export(client, room):
    client.force_login(room.teacher_x)
    response = client.get(matrix_url(room.cohort_x), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    site = client.get(reverse("teaching:export", args=[room.cohort_x.pk, "csv"]))
    assert rows == list(csv.reader(io.StringIO(site.content.decode("utf-8-sig"))))
    sheet = load_workbook(
        io.BytesIO(client.get(matrix_url(room.cohort_x), {"export": "xlsx"}).content)
    ).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Participant", "Anna Aalto", "Bo Berg"]


def test_another_teachers_cohort_is_refused(client, room):
    client.force_login(room.teacher_x)
    assert_refused(client, matrix_url(room.cohort_y))
    assert_refused(client, matrix_url(room.cohort_y), export="csv")
    assert_refused(client, matrix_url(room.cohort_y).replace(str(room.cohort_y.pk), "999999"))


def test_a_superuser_sees_every_cohort(client, room):
    client.force_login(make_user("root", superuser=True))
    html = client.get(reverse("lms_cohort_progress")).content.decode()
    assert "Cohort X" in html and "Cohort Y" in html
    assert client.get(matrix_url(room.cohort_y)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client, room):
    response = client.get(matrix_url(room.cohort_x))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_the_report_query_count_does_not_grow_with_the_participants(client, room):
    client.force_login(room.teacher_x)
    client.get(matrix_url(room.cohort_x))  # warms per-process caches

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(matrix_url(room.cohort_x)).status_code == 200
        return len(queries)

    before = count()
    for number in range(8):
        room.cohort_x.members.add(person(f"extra{number}", "Extra", f"{number}"))
    assert count() == before
