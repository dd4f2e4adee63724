"""The sums on a supervision certificate: hours of the sessions attended in the period (both ends
included), the union of their topics, one certificate per participant and period, and no
certificate for a period without attended hours."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from lms.models import Certificate, CertificateKind
from supervision.certificates import CertificateRefused, attended, issue, subject_key
from supervision.models import Attendance, SupervisionCertificate
from supervision.models.certificates import hours
from tests.supervision_factories import make_group, make_session, person

pytestmark = pytest.mark.django_db

D = datetime.date
SPRING = (D(2025, 1, 1), D(2025, 6, 30))


@pytest.fixture
def kari():
    return person("kari", "Kari", "Nordmann")


@pytest.fixture
def group(kari):
    supervisor = person("anne", "Anne", "Veileder")
    return make_group(supervisors=[supervisor], participants=[kari])


@pytest.fixture
def spring(group, kari):
    """Three sessions of 2 h and one of 1.5 h in spring; Kari missed one of the 2 h ones."""
    make_session(group, D(2025, 1, 15), 120, topics=("ethics", "self-care"), present=[kari])
    make_session(
        group, D(2025, 2, 12), 120, topics=("ethics",), free_topics=("Night shifts",), present=[kari]
    )
    make_session(
        group,
        D(2025, 3, 12),
        120,
        topics=("pitfalls",),
        free_topics=("Only the absent heard this",),
        absent=[kari],
    )
    make_session(
        group,
        D(2025, 4, 9),
        90,
        topics=("stigma",),
        free_topics=("night  SHIFTS", "Sick leave"),
        present=[kari],
    )


def test_hours_are_the_sum_of_the_sessions_attended(group, kari, spring):
    period = attended(group, kari, *SPRING)

    assert period.minutes == 330
    assert period.hours == Decimal("5.5")
    assert len(period.sessions) == 3


def test_topics_are_the_union_of_the_attended_sessions_in_list_order(group, kari, spring):
    period = attended(group, kari, *SPRING)

    assert period.topic_codes == ["stigma", "self-care", "ethics"]
    assert "pitfalls" not in period.topic_codes
    # The same free topic written twice counts once, as first written; the missed session's is left out.
    assert period.free_topics == ["Night shifts", "Sick leave"]


def test_the_issued_certificate_stores_the_facts(group, kari, spring):
    certificate = issue(group, kari, *SPRING, fallback_language="en")

    facts = SupervisionCertificate.objects.get(certificate=certificate)
    assert certificate.kind == CertificateKind.SUPERVISION
    assert certificate.user == kari
    assert certificate.holder_name == "Kari Nordmann"
    assert certificate.subject_key == subject_key(group, *SPRING)
    assert certificate.achieved_on == D(2025, 4, 9)
    assert (facts.period_start, facts.period_end) == SPRING
    assert facts.minutes_attended == 330
    assert facts.hours == Decimal("5.5")
    assert facts.sessions_attended == 3
    assert facts.topic_codes == ["stigma", "self-care", "ethics"]
    assert facts.free_topics == ["Night shifts", "Sick leave"]
    assert facts.supervisor_names == ["Anne Veileder"]


def test_both_ends_of_the_period_are_included_and_nothing_outside(group, kari):
    make_session(group, D(2024, 12, 31), 60, present=[kari])
    make_session(group, D(2025, 1, 1), 120, present=[kari])
    make_session(group, D(2025, 6, 30), 45, present=[kari])
    make_session(group, D(2025, 7, 1), 60, present=[kari])

    assert attended(group, kari, *SPRING).minutes == 165
    assert attended(group, kari, D(2025, 6, 30), D(2025, 6, 30)).minutes == 45
    assert attended(group, kari, D(2024, 12, 31), D(2025, 7, 1)).minutes == 285


def test_unrecorded_attendance_and_other_groups_do_not_count(group, kari):
    other = make_group("Another group", participants=[kari])
    make_session(group, D(2025, 2, 1), 120)  # nothing recorded for Kari
    make_session(other, D(2025, 2, 1), 120, present=[kari])
    make_session(group, D(2025, 3, 1), 60, present=[kari])

    assert attended(group, kari, *SPRING).minutes == 60
    assert attended(other, kari, *SPRING).minutes == 120


def test_a_period_without_attended_hours_gives_no_certificate(group, kari):
    make_session(group, D(2025, 2, 1), 120, absent=[kari])
    make_session(group, D(2025, 9, 1), 120, present=[kari])

    with pytest.raises(CertificateRefused, match="No attended sessions"):
        issue(group, kari, *SPRING, fallback_language="en")

    assert not Certificate.objects.exists()
    assert not SupervisionCertificate.objects.exists()


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (D(2025, 6, 30), D(2025, 1, 1), "ends before it starts"),
        (D(2025, 1, 1), timezone.localdate() + datetime.timedelta(days=1), "has ended"),
    ],
)
def test_a_period_that_is_not_one_is_refused(group, kari, spring, start, end, message):
    with pytest.raises(CertificateRefused, match=message):
        issue(group, kari, start, end, fallback_language="en")

    assert not Certificate.objects.exists()


def test_someone_outside_the_group_gets_no_certificate(group, spring):
    stranger = person("stranger")

    with pytest.raises(CertificateRefused, match="not taken part"):
        issue(group, stranger, *SPRING, fallback_language="en")


def test_one_certificate_per_participant_and_period_that_keeps_its_facts(group, kari, spring):
    first = issue(group, kari, *SPRING, fallback_language="en")
    # Attendance corrected afterwards does not change what was printed and can be verified.
    Attendance.objects.filter(user=kari).update(status=Attendance.Status.PRESENT)
    again = issue(group, kari, *SPRING, fallback_language="nb")
    whole_year = issue(group, kari, D(2025, 1, 1), D(2025, 12, 31), fallback_language="en")

    assert again.pk == first.pk
    assert again.supervision_facts.minutes_attended == 330
    assert whole_year.pk != first.pk
    assert whole_year.supervision_facts.minutes_attended == 450
    assert Certificate.objects.filter(user=kari).count() == 2


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(330, "5.5"), (120, "2"), (600, "10"), (100, "1.67"), (45, "0.75"), (0, "0")],
)
def test_minutes_are_shown_as_hours(minutes, expected):
    assert str(hours(minutes)) == expected
