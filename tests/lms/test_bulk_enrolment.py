"""Bulk enrolment from CSV: a report for every row; refused rows and bad files change nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from lms.bulk_enrolment import BulkEnrolmentError, Outcome, bulk_enrol
from lms.enrolment import add_to_cohort, enrol
from lms.models import CohortMembership, Enrolment
from lms.models.cohorts import Invitation
from tests.factories import make_user, source_home
from tests.lms_factories import make_cohort, make_course
from tests.module_data import built_for_the_module, fresh

User = get_user_model()


def _two_courses(home) -> list:
    return [make_course(home, "Basics", modules=1).page, make_course(home, "Supervision", modules=1).page]


@pytest.fixture(scope="module")
def module_courses(request, django_db_setup, django_db_blocker):
    """Built once for the module (tests/module_data.py); None where they cannot be."""
    yield from built_for_the_module(request, django_db_blocker, lambda: _two_courses(source_home()))


@pytest.fixture
def courses(module_courses, home):
    return _two_courses(home) if module_courses is None else [fresh(page) for page in module_courses]


@pytest.fixture
def cohort(courses):
    return make_cohort("Tallinn autumn", courses)


def state():
    return (
        User.objects.count(),
        Enrolment.objects.count(),
        CohortMembership.objects.count(),
        Invitation.objects.count(),
    )


def test_enrol_is_idempotent_and_keyed_by_the_course(db, courses):
    user = make_user("ana")
    enrolment, created = enrol(user, courses[0])
    again, created_again = enrol(user, courses[0], source=Enrolment.Source.IMPORT)
    assert created and not created_again and again.pk == enrolment.pk
    assert enrolment.course_key == courses[0].translation_key and enrolment.source == "self"


def test_add_to_cohort_enrols_in_its_courses(cohort, courses):
    user = make_user("ben")
    enrol(user, courses[0])
    placements = add_to_cohort(cohort, [user])
    assert placements[user.pk].joined and placements[user.pk].enrolled == 1
    assert Enrolment.objects.filter(user=user).count() == 2
    assert not add_to_cohort(cohort, [user])[user.pk].changed


def test_good_rows_are_invited_and_reported_alike(cohort, django_capture_on_commit_callbacks, mailoutbox):
    make_user("known")  # known@example.org
    member = make_user("member")
    add_to_cohort(cohort, [member])
    data = (
        "\ufeffEmail;Name;Language\r\n"
        "Known@Example.org;Known Person;\r\n"
        "new.person@example.org;Åse Marie Lind;nb\r\n"
        "member@example.org;;\r\n"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        report = bulk_enrol(cohort, data)
    outcomes = [(row.line, row.outcome) for row in report.rows]
    # Known and unknown addresses read the same: the report tells nothing about accounts.
    assert outcomes == [(2, Outcome.INVITED), (3, Outcome.INVITED), (4, Outcome.ALREADY_MEMBER)]
    assert report.rows[0].message == report.rows[1].message
    created = User.objects.get(email="new.person@example.org")
    assert created.first_name == "Åse Marie" and created.last_name == "Lind"
    assert not created.has_usable_password()
    assert created.wagtail_userprofile.preferred_language == "nb"
    # Nobody joins before accepting: no membership, no enrolment, only pending invitations.
    assert set(cohort.members.values_list("username", flat=True)) == {"member"}
    assert not Enrolment.objects.filter(user=created).exists()
    assert set(Invitation.objects.filter(cohort=cohort).values_list("user__username", "status")) == {
        ("known", "pending"),
        ("new.person@example.org", "pending"),
    }
    assert sorted(mail.to[0] for mail in mailoutbox) == ["known@example.org", "new.person@example.org"]


def test_bad_rows_are_refused_with_reasons_and_change_nothing(cohort):
    data = (
        b"email,name\n"
        b"not-an-email,Someone\n"
        b"a@example.org,A\n"
        b"A@example.org,A again\n"
        b",\n"
        b"b@example.org,B,extra\n"
    )
    report = bulk_enrol(cohort, data)
    reasons = {row.line: row.message for row in report.rows if row.refused}
    assert "not a valid email" in reasons[2]
    assert "line 3" in reasons[4]
    assert "empty" in reasons[5]
    assert "more values" in reasons[6]
    assert report.refused == 4 and len(report.rows) == 5
    assert list(Invitation.objects.values_list("user__email", flat=True)) == ["a@example.org"]
    assert not User.objects.filter(email="b@example.org").exists()


def test_addresses_that_cannot_be_invited_read_the_same_and_get_nothing(
    cohort, django_capture_on_commit_callbacks, mailoutbox
):
    make_user("twin1"), make_user("twin2")
    User.objects.filter(username__in=["twin1", "twin2"]).update(email="twin@example.org")
    gone = make_user("gone")
    gone.is_active = False
    gone.save()
    with django_capture_on_commit_callbacks(execute=True):
        report = bulk_enrol(cohort, b"email\ntwin@example.org\ngone@example.org\nfresh@example.org\n")
    assert [row.outcome for row in report.rows] == [Outcome.INVITED] * 3
    assert len({row.message for row in report.rows}) == 1
    assert [mail.to for mail in mailoutbox] == [["fresh@example.org"]]
    assert list(Invitation.objects.values_list("user__email", flat=True)) == ["fresh@example.org"]


def test_refused_rows_do_not_stop_the_good_ones(cohort):
    report = bulk_enrol(cohort, b"email\nbad\ngood@example.org\n")
    assert [row.outcome for row in report.rows] == [Outcome.REFUSED, Outcome.INVITED]
    assert Invitation.objects.get().user.email == "good@example.org"
    assert not cohort.members.exists()


BAD_FILES = {
    "not UTF-8": ("email\nåse@example.org\n".encode("latin-1"), "not UTF-8"),
    "binary": (b"PK\x03\x04\x00\x00binary", "not a CSV"),
    "empty": (b"  \n", "empty"),
    "no email column": (b"name\nAna\n", "email"),
    "unknown column": (b"email,phone\na@example.org,123\n", "Unknown column"),
    "header only": (b"email\n", "no people"),
    "broken quoting": (b'email,name\n"a@example.org,Ana\n', "not valid CSV"),
}


@pytest.mark.parametrize("case", BAD_FILES.keys())
def test_a_bad_file_is_refused_whole(cohort, case):
    data, message = BAD_FILES[case]
    before = state()
    with pytest.raises(BulkEnrolmentError, match=message):
        bulk_enrol(cohort, data)
    assert state() == before


@override_settings(LMS_BULK_ENROLMENT_MAX_ROWS=2)
def test_too_many_rows_is_refused(cohort):
    before = state()
    with pytest.raises(BulkEnrolmentError, match="at most 2"):
        bulk_enrol(cohort, b"email\na@example.org\nb@example.org\nc@example.org\n")
    assert state() == before


@override_settings(LMS_BULK_ENROLMENT_MAX_BYTES=1024)
def test_too_big_a_file_is_refused(cohort):
    with pytest.raises(BulkEnrolmentError, match="larger than 1 KB"):
        bulk_enrol(cohort, b"email\n" + b"a@example.org\n" * 100)
    assert not cohort.members.exists()
