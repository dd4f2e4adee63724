"""Bulk enrolment from CSV: a report for every row; refused rows and bad files change nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from lms.bulk_enrolment import BulkEnrolmentError, Outcome, bulk_enrol
from lms.enrolment import add_to_cohort, enrol
from lms.models import CohortMembership, Enrolment
from tests.factories import make_user
from tests.lms_factories import make_cohort, make_course

User = get_user_model()


@pytest.fixture
def courses(home):
    return [make_course(home, "Basics", modules=1).page, make_course(home, "Supervision", modules=1).page]


@pytest.fixture
def cohort(courses):
    return make_cohort("Tallinn autumn", courses)


def state():
    return (User.objects.count(), Enrolment.objects.count(), CohortMembership.objects.count())


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


def test_good_rows_are_enrolled_and_reported(cohort):
    make_user("known")  # known@example.org
    member = make_user("member")
    add_to_cohort(cohort, [member])
    data = (
        "\ufeffEmail;Name;Language\r\n"
        "Known@Example.org;Known Person;\r\n"
        "new.person@example.org;Åse Marie Lind;nb\r\n"
        "member@example.org;;\r\n"
    ).encode()
    report = bulk_enrol(cohort, data, create_accounts=True)
    outcomes = [(row.line, row.outcome) for row in report.rows]
    assert outcomes == [(2, Outcome.ENROLLED), (3, Outcome.ACCOUNT_CREATED), (4, Outcome.ALREADY_ENROLLED)]
    created = User.objects.get(email="new.person@example.org")
    assert created.first_name == "Åse Marie" and created.last_name == "Lind"
    assert not created.has_usable_password()
    assert created.wagtail_userprofile.preferred_language == "nb"
    assert set(cohort.members.values_list("username", flat=True)) == {
        "known",
        "member",
        "new.person@example.org",
    }
    assert Enrolment.objects.filter(user=created, cohort=cohort, source="import").count() == 2


def test_bad_rows_are_refused_with_reasons_and_change_nothing(cohort):
    make_user("twin1"), make_user("twin2")
    User.objects.filter(username__in=["twin1", "twin2"]).update(email="twin@example.org")
    data = (
        b"email,name\n"
        b"not-an-email,Someone\n"
        b"a@example.org,A\n"
        b"A@example.org,A again\n"
        b",\n"
        b"b@example.org,B,extra\n"
        b"twin@example.org,Twin\n"
        b"unknown@example.org,Nobody\n"
    )
    before = state()
    report = bulk_enrol(cohort, data, create_accounts=False)
    reasons = {row.line: row.message for row in report.rows if row.refused}
    assert "not a valid email" in reasons[2]
    assert "No one has an account" in reasons[3]
    assert "line 3" in reasons[4]
    assert "empty" in reasons[5]
    assert "more values" in reasons[6]
    assert "Several accounts" in reasons[7]
    assert "No one has an account" in reasons[8]
    assert report.refused == 7 and len(report.rows) == 7
    assert state() == before


def test_refused_rows_do_not_stop_the_good_ones(cohort):
    report = bulk_enrol(cohort, b"email\nbad\ngood@example.org\n", create_accounts=True)
    assert [row.outcome for row in report.rows] == [Outcome.REFUSED, Outcome.ACCOUNT_CREATED]
    assert cohort.members.get().email == "good@example.org"


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
        bulk_enrol(cohort, data, create_accounts=True)
    assert state() == before


@override_settings(LMS_BULK_ENROLMENT_MAX_ROWS=2)
def test_too_many_rows_is_refused(cohort):
    before = state()
    with pytest.raises(BulkEnrolmentError, match="at most 2"):
        bulk_enrol(cohort, b"email\na@example.org\nb@example.org\nc@example.org\n", create_accounts=True)
    assert state() == before


@override_settings(LMS_BULK_ENROLMENT_MAX_BYTES=1024)
def test_too_big_a_file_is_refused(cohort):
    with pytest.raises(BulkEnrolmentError, match="larger than 1 KB"):
        bulk_enrol(cohort, b"email\n" + b"a@example.org\n" * 100, create_accounts=True)
    assert not cohort.members.exists()
