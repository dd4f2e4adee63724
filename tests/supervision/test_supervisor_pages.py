"""The supervisors' pages: their group with plan, roster and hours; planning a session with the
usual topics in the page's language; recording attendance for the group's participants only."""

import datetime

import pytest

from supervision.models import Session
from tests.supervision.conftest import accept_rules
from tests.supervision_factories import client_for, make_session

pytestmark = pytest.mark.django_db


def test_the_group_page_shows_plan_sessions_roster_and_hours(groups):
    accept_rules(groups.a, groups.kari)
    make_session(groups.a, datetime.date(2025, 4, 9), 90, present=[groups.kari])

    page = client_for(groups.supervisor_a).get(f"/en/supervision/{groups.a.pk}/").content.decode()

    assert "8 meetings of 2 h each are planned." in page
    assert "2 have been held." in page
    assert "Kari Nordmann" in page and "Ola Sørensen" in page
    assert "Municipal mental health service" in page
    assert "<td>3.5</td>" in page  # Kari: 2 h + 1.5 h
    assert "Not yet" in page  # Ola has not accepted the ground rules
    assert "Liis" not in page


def test_the_session_form_offers_the_usual_topics_in_the_pages_language(groups):
    page = (
        client_for(groups.supervisor_a).get(f"/nb/supervision/{groups.a.pk}/sessions/new/").content.decode()
    )

    assert "Etikk" in page and "Selvivaretakelse" in page and "Pårørende" in page
    assert 'name="duration"' in page and 'value="2"' in page  # the group's planned length
    assert '<label for="id_free_topics">' in page


def test_a_session_is_saved_with_its_topics_and_free_topics(groups):
    response = client_for(groups.supervisor_a).post(
        f"/en/supervision/{groups.a.pk}/sessions/new/",
        {
            "date": "2025-05-14",
            "starts_at": "13:00",
            "duration": "2",
            "online_link": "https://meet.example.org/peer-group",
            "topics": [topic.pk for topic in groups.session_a.topics.all()],
            "free_topics": "Night shifts\n\n  Sick   leave ",
        },
    )

    session = Session.objects.get(group=groups.a, date=datetime.date(2025, 5, 14))
    assert response.status_code == 302
    assert response["Location"] == f"/en/supervision/{groups.a.pk}/sessions/{session.pk}/"
    assert session.duration_minutes == 120
    assert session.created_by == groups.supervisor_a
    assert list(session.topics.values_list("code", flat=True)) == ["ethics"]
    assert session.free_topics == ["Night shifts", "Sick leave"]


def test_the_attendance_form_lists_the_groups_participants_only(groups):
    page = client_for(groups.supervisor_a).get(
        f"/en/supervision/{groups.a.pk}/sessions/{groups.session_a.pk}/"
    )
    html = page.content.decode()

    assert f'name="attendance-{groups.kari.pk}" value="present" checked' in html
    assert f'name="attendance-{groups.ola.pk}" value="absent" checked' in html
    assert f"attendance-{groups.liis.pk}" not in html
