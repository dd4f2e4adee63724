"""Who sees what of group supervision: participants their own attendance and never the notes,
supervisors only their own groups, coordinators every group but not the notes, anonymous
visitors nothing but the sign-in page."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from supervision.certificates import issue
from supervision.models import SupervisorNote
from tests.supervision.conftest import NOTE_A, NOTE_B, accept_rules
from tests.supervision_factories import client_for, person

pytestmark = pytest.mark.django_db


def urls(group, session, code="ABCDABCDABCD"):
    base = f"/en/supervision/{group.pk}"
    return [
        f"{base}/",
        f"{base}/attendance.csv",
        f"{base}/sessions/new/",
        f"{base}/sessions/{session.pk}/",
        f"{base}/sessions/{session.pk}/edit/",
        f"{base}/certificates/{code}/",
    ]


def test_anonymous_visitors_are_sent_to_sign_in(groups):
    client = Client()
    for url in ["/en/supervision/", *urls(groups.a, groups.session_a)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/account/login/?next="), url


def test_a_participant_sees_their_own_attendance_and_nobody_elses(groups):
    accept_rules(groups.a, groups.kari)

    page = client_for(groups.kari).get(f"/en/supervision/{groups.a.pk}/").content.decode()

    assert "Your attendance" in page
    assert 'class="attendance--present">Present' in page
    assert "Ola" not in page and "Sørensen" not in page
    assert "Absent" not in page


def test_a_participant_never_sees_the_notes(groups):
    accept_rules(groups.a, groups.kari)
    client = client_for(groups.kari)
    issue(groups.a, groups.kari, groups.session_a.date, groups.session_a.date, fallback_language="en")

    seen = [client.get(url) for url in ["/en/supervision/", f"/en/supervision/{groups.a.pk}/"]]
    for response in seen:
        assert response.status_code == 200
        assert NOTE_A not in response.content.decode()
    # The supervisors' pages, the register and the data export give participants nothing either.
    for url in urls(groups.a, groups.session_a)[1:5]:
        assert client.get(url).status_code == 404, url
    export = client.get("/en/my-data/export.json")
    assert export.status_code == 200
    assert NOTE_A not in export.content.decode()


def test_notes_are_not_in_the_attendance_register_either(groups):
    response = client_for(groups.supervisor_a).get(f"/en/supervision/{groups.a.pk}/attendance.csv")

    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200
    assert NOTE_A not in text
    assert "Kari Nordmann" in text and "Present" in text


def test_the_groups_supervisors_read_the_notes(groups):
    for supervisor in (groups.supervisor_a, groups.co_supervisor_a):
        page = client_for(supervisor).get(f"/en/supervision/{groups.a.pk}/sessions/{groups.session_a.pk}/")
        assert NOTE_A in page.content.decode()
        assert NOTE_B not in page.content.decode()


def test_a_supervisor_sees_only_their_own_groups(groups):
    client = client_for(groups.supervisor_a)
    listing = client.get("/en/supervision/").content.decode()
    assert "Group A" in listing and "Group B" not in listing

    code = issue(groups.b, groups.liis, groups.session_b.date, groups.session_b.date, fallback_language="en")
    for url in urls(groups.b, groups.session_b, code.display_code):
        assert client.get(url).status_code == 404, url
    # Group A's session through group B's address is not found either.
    assert client.get(f"/en/supervision/{groups.a.pk}/sessions/{groups.session_b.pk}/").status_code == 404


def test_a_supervisor_changes_nothing_in_another_group(groups):
    client = client_for(groups.supervisor_a)
    base = f"/en/supervision/{groups.b.pk}/sessions/{groups.session_b.pk}"

    posts = [
        client.post(f"{base}/attendance/", {f"attendance-{groups.liis.pk}": "absent"}),
        client.post(f"{base}/notes/", {"text": "Sneaking a note in"}),
        client.post(f"/en/supervision/{groups.b.pk}/sessions/new/", {"date": "2025-05-01"}),
    ]

    assert [response.status_code for response in posts] == [404, 404, 404]
    assert groups.session_b.attendance.get().status == "present"
    assert not SupervisorNote.objects.filter(text="Sneaking a note in").exists()
    assert groups.b.sessions.count() == 1


def test_a_coordinator_sees_every_group_but_not_the_notes(groups):
    coordinator = person("coordinator")
    coordinator.user_permissions.add(Permission.objects.get(codename="change_supervisiongroup"))
    client = client_for(coordinator)

    page = client.get(f"/en/supervision/{groups.b.pk}/sessions/{groups.session_b.pk}/")
    refused = client.post(
        f"/en/supervision/{groups.b.pk}/sessions/{groups.session_b.pk}/notes/",
        {"text": "A coordinator's note"},
    )

    assert page.status_code == 200
    assert "Liis Tamm" in page.content.decode()
    assert NOTE_B not in page.content.decode()
    assert refused.status_code == 302
    assert not SupervisorNote.objects.filter(text="A coordinator's note").exists()


def test_a_participant_downloads_only_their_own_certificate(groups):
    accept_rules(groups.a, groups.ola)
    day = groups.session_a.date
    karis = issue(groups.a, groups.kari, day, day, fallback_language="en")
    ola = client_for(groups.ola)

    assert ola.get(f"/en/supervision/{groups.a.pk}/certificates/{karis.display_code}/").status_code == 404
    assert ola.get(f"/en/certificates/{karis.display_code}/").status_code == 404
    assert client_for(groups.kari).get(f"/en/certificates/{karis.display_code}/").status_code == 200
    assert (
        client_for(groups.co_supervisor_a)
        .get(f"/en/supervision/{groups.a.pk}/certificates/{karis.display_code}/")
        .status_code
        == 200
    )


def test_the_admin_lists_and_opens_only_a_supervisors_own_groups(groups):
    access_admin = Permission.objects.get(codename="access_admin")
    groups.supervisor_a.user_permissions.add(access_admin)
    client = client_for(groups.supervisor_a)

    listing = client.get("/admin/supervision/groups/")
    own = client.get(f"/admin/supervision/groups/edit/{groups.a.pk}/")
    other = client.get(f"/admin/supervision/groups/edit/{groups.b.pk}/")

    assert listing.status_code == 200
    assert "Group A" in listing.content.decode() and "Group B" not in listing.content.decode()
    assert own.status_code == 200
    assert other.status_code == 404


def test_erasing_a_participant_removes_their_supervision_records_and_withdraws_certificates(groups):
    from lms.privacy import carry_out, request_erasure
    from supervision.models import Attendance, GroundRulesAcceptance, Membership

    accept_rules(groups.a, groups.kari)
    day = groups.session_a.date
    certificate = issue(groups.a, groups.kari, day, day, fallback_language="en")
    admin = person("admin")
    erasure, _created = request_erasure(groups.kari)

    carry_out(erasure, admin)

    assert not Membership.objects.filter(user_id=groups.kari.pk).exists()
    assert not Attendance.objects.filter(user_id=groups.kari.pk).exists()
    assert not GroundRulesAcceptance.objects.filter(user_id=groups.kari.pk).exists()
    assert Client().get(f"/verify/{certificate.display_code}/").status_code == 410
    page = client_for(groups.supervisor_a).get(f"/en/supervision/{groups.a.pk}/").content.decode()
    assert certificate.display_code not in page
