"""Bad input on the supervision pages gets a clear message and changes nothing: overlapping
sessions, durations that cannot be, attendance for people outside the group, notes that
name a participant, stale ground rules and periods that are not periods."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict

from lms.models import Certificate
from supervision.models import (
    Attendance,
    GroundRulesAcceptance,
    GroundRulesVersion,
    Session,
    SupervisorNote,
    Topic,
)
from supervision.sessions import names_in
from tests.supervision.conftest import accept_rules
from tests.supervision_factories import client_for, make_session, person

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Every row the supervision pages write, to compare before and after a refused request."""
    sessions = [
        {**model_to_dict(s, exclude=["topics"]), "topics": sorted(s.topics.values_list("code", flat=True))}
        for s in Session.objects.order_by("pk")
    ]
    return {
        "sessions": sessions,
        "attendance": list(Attendance.objects.order_by("pk").values("session", "user", "status")),
        "notes": list(SupervisorNote.objects.order_by("pk").values("session", "text")),
        "certificates": Certificate.objects.count(),
        "acceptances": list(GroundRulesAcceptance.objects.values("version", "user")),
    }


def session_data(**changes) -> dict:
    data = {"date": "2025-03-12", "starts_at": "11:00", "duration": "2", "place": "Room 4", "free_topics": ""}
    return {**data, **changes}


def new_session_url(group) -> str:
    return f"/en/supervision/{group.pk}/sessions/new/"


@pytest.mark.parametrize(
    ("starts_at", "duration"),
    [("11:00", "2"), ("09:00", "1.25"), ("10:30", "0.5"), ("08:00", "8")],
)
def test_a_session_overlapping_another_of_the_group_is_refused(groups, starts_at, duration):
    before = snapshot()

    response = client_for(groups.supervisor_a).post(
        new_session_url(groups.a), session_data(starts_at=starts_at, duration=duration)
    )

    assert response.status_code == 400
    assert "would overlap the session on" in response.content.decode()
    assert snapshot() == before


def test_sessions_may_follow_each_other_and_other_groups_may_meet_at_the_same_time(groups):
    client = client_for(groups.supervisor_a)

    after = client.post(new_session_url(groups.a), session_data(starts_at="12:00", duration="1,5"))
    before = client.post(new_session_url(groups.a), session_data(starts_at="08:00", duration="2"))
    other_group = client_for(groups.supervisor_b).post(
        new_session_url(groups.b), session_data(date="2025-03-13", starts_at="10:00")
    )

    assert after.status_code == before.status_code == other_group.status_code == 302
    assert groups.a.sessions.count() == 3
    assert groups.a.sessions.get(starts_at="12:00").duration_minutes == 90


def test_a_session_reaching_past_midnight_overlaps_the_next_morning(groups):
    make_session(groups.a, datetime.date(2025, 4, 1), 180, starts_at=datetime.time(22, 0))
    before = snapshot()

    response = client_for(groups.supervisor_a).post(
        new_session_url(groups.a), session_data(date="2025-04-02", starts_at="00:30", duration="1")
    )

    assert response.status_code == 400
    assert snapshot() == before


def test_moving_a_session_onto_another_is_refused_but_it_may_keep_its_own_time(groups):
    later = make_session(groups.a, datetime.date(2025, 3, 12), 60, starts_at=datetime.time(14, 0))
    client = client_for(groups.supervisor_a)
    url = f"/en/supervision/{groups.a.pk}/sessions/{later.pk}/edit/"
    before = snapshot()

    onto = client.post(url, session_data(starts_at="11:30", duration="1"))
    assert onto.status_code == 400
    assert snapshot() == before

    ethics = Topic.objects.get(code="ethics")
    same = client.post(url, session_data(starts_at="14:00", duration="1.5", topics=[ethics.pk]))
    assert same.status_code == 302
    later.refresh_from_db()
    assert later.duration_minutes == 90
    assert list(later.topics.all()) == [ethics]


@pytest.mark.parametrize(
    ("duration", "message"),
    [
        ("-2", "longer than zero minutes"),
        ("0", "longer than zero minutes"),
        ("8.5", "at most 8 hours"),
        ("1000", "at most 8 hours"),
        ("two", "Enter a number"),
    ],
)
def test_durations_that_cannot_be_are_refused(groups, duration, message):
    before = snapshot()

    response = client_for(groups.supervisor_a).post(
        new_session_url(groups.a), session_data(date="2025-05-01", duration=duration)
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_the_database_itself_refuses_an_absurd_duration(groups):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_session(groups.a, datetime.date(2025, 6, 1), 600)


def test_too_many_or_too_long_free_topics_are_refused(groups):
    client = client_for(groups.supervisor_a)
    before = snapshot()

    many = client.post(
        new_session_url(groups.a), session_data(date="2025-05-01", free_topics="\n".join("abcdefghijk"))
    )
    long = client.post(new_session_url(groups.a), session_data(date="2025-05-01", free_topics="x" * 101))

    assert many.status_code == long.status_code == 400
    assert "At most 10 other topics" in many.content.decode()
    assert "at most 100 characters" in long.content.decode()
    assert snapshot() == before


def attendance_url(groups) -> str:
    return f"/en/supervision/{groups.a.pk}/sessions/{groups.session_a.pk}/attendance/"


def test_attendance_for_someone_outside_the_group_is_refused_and_nothing_is_saved(groups):
    before = snapshot()

    response = client_for(groups.supervisor_a).post(
        attendance_url(groups),
        {
            f"attendance-{groups.kari.pk}": "absent",  # valid on its own, yet not saved either
            f"attendance-{groups.liis.pk}": "present",  # a participant of group B
            "attendance-999999": "present",  # nobody at all
        },
    )

    assert response.status_code == 400
    assert (
        "only for participants of this group, and 2 of the people given are not" in response.content.decode()
    )
    assert snapshot() == before


def test_attendance_with_an_unknown_status_or_for_a_future_session_is_refused(groups):
    future = make_session(groups.a, datetime.date.today() + datetime.timedelta(days=30), 120)
    client = client_for(groups.supervisor_a)
    before = snapshot()

    unknown = client.post(attendance_url(groups), {f"attendance-{groups.kari.pk}": "late"})
    ahead = client.post(
        f"/en/supervision/{groups.a.pk}/sessions/{future.pk}/attendance/",
        {f"attendance-{groups.kari.pk}": "present"},
    )

    assert unknown.status_code == ahead.status_code == 400
    assert "either present or absent" in unknown.content.decode()
    assert "from the day of the session" in ahead.content.decode()
    assert snapshot() == before


def test_attendance_for_participants_is_recorded(groups):
    response = client_for(groups.co_supervisor_a).post(
        attendance_url(groups),
        {f"attendance-{groups.kari.pk}": "absent", f"attendance-{groups.ola.pk}": "present"},
    )

    assert response.status_code == 302
    recorded = dict(groups.session_a.attendance.values_list("user__username", "status"))
    assert recorded == {"kari": "absent", "ola": "present"}
    assert groups.session_a.attendance.get(user=groups.ola).recorded_by == groups.co_supervisor_a


def note_url(groups) -> str:
    return f"/en/supervision/{groups.a.pk}/sessions/{groups.session_a.pk}/notes/"


@pytest.mark.parametrize(
    "text",
    [
        "Kari spoke about her night shifts",
        "nordmann was quiet today",
        "Talked with Ola Sørensen after the session",
        "A follow-up for kari next time",
    ],
)
def test_a_note_naming_a_participant_is_refused_unless_ticked(groups, text):
    client = client_for(groups.supervisor_a)
    before = snapshot()

    refused = client.post(note_url(groups), {"text": text})

    assert refused.status_code == 400
    assert "seems to name a participant" in refused.content.decode()
    assert snapshot() == before

    ticked = client.post(note_url(groups), {"text": text, "names_participant": "on"})
    assert ticked.status_code == 302
    assert SupervisorNote.objects.get(text=text).names_participant is True


def test_a_note_without_names_is_saved(groups):
    text = "Karin's question on role expectations comes back next time; ask about the workplace."

    response = client_for(groups.supervisor_a).post(note_url(groups), {"text": text})

    assert response.status_code == 302
    note = SupervisorNote.objects.get(text=text)
    assert note.author == groups.supervisor_a and note.names_participant is False


def test_names_are_found_as_whole_words_only(groups):
    assert names_in("Karina and Olav came", groups.a) == []
    assert names_in("KARI came", groups.a) == ["Kari Nordmann"]
    assert names_in("ola and Sørensen's plan", groups.a) == ["Ola Sørensen"]


def test_ground_rules_are_accepted_per_version_and_again_after_a_change(groups):
    client = client_for(groups.kari)
    url = f"/en/supervision/{groups.a.pk}/"

    assert "I accept the ground rules" in client.get(url).content.decode()
    assert "Your attendance" not in client.get(url).content.decode()
    client.post(f"{url}ground-rules/", {"version": "1"})
    assert "Your attendance" in client.get(url).content.decode()

    groups.a.ground_rules += " Phones stay off."
    groups.a.save()
    assert GroundRulesVersion.objects.filter(group=groups.a).count() == 2
    assert "I accept the ground rules" in client.get(url).content.decode()

    before = snapshot()
    stale = client.post(f"{url}ground-rules/", {"version": "1"}, follow=True)
    assert "The ground rules have changed" in stale.content.decode()
    assert snapshot() == before

    client.post(f"{url}ground-rules/", {"version": "2"})
    accepted = GroundRulesAcceptance.objects.filter(user=groups.kari).order_by("version__number")
    assert [a.version.number for a in accepted] == [1, 2]
    assert accepted[1].version.text.endswith("Phones stay off.")


def test_saving_a_group_without_changing_the_rules_keeps_the_version(groups):
    groups.a.name = "Group A, renamed"
    groups.a.save()

    assert groups.a.current_rules().number == 1


def test_only_participants_accept_the_rules(groups):
    with pytest.raises(ValidationError):
        accept_rules(groups.a, groups.liis)


def test_a_certificate_for_a_period_that_is_not_one_is_refused_with_a_message(groups):
    accept_rules(groups.a, groups.kari)
    client = client_for(groups.kari)
    before = snapshot()

    backwards = client.post(
        f"/en/supervision/{groups.a.pk}/certificate/",
        {"start": "2025-06-30", "end": "2025-01-01"},
        follow=True,
    )
    empty = client.post(
        f"/en/supervision/{groups.a.pk}/certificate/",
        {"start": "2025-05-01", "end": "2025-05-31"},
        follow=True,
    )
    not_dates = client.post(
        f"/en/supervision/{groups.a.pk}/certificate/", {"start": "soon", "end": ""}, follow=True
    )

    assert "The period ends before it starts" in backwards.content.decode()
    assert "No attended sessions are recorded" in empty.content.decode()
    assert "Enter a valid date" in not_dates.content.decode()
    assert snapshot() == before


def test_a_participant_outside_the_group_cannot_be_given_a_certificate_by_a_supervisor(groups):
    stranger = person("stranger", "Some", "One")
    before = snapshot()

    response = client_for(groups.supervisor_a).post(
        f"/en/supervision/{groups.a.pk}/certificates/",
        {"participant": stranger.pk, "start": "2025-01-01", "end": "2025-06-30"},
        follow=True,
    )

    assert "Select a valid choice" in response.content.decode()
    assert snapshot() == before
