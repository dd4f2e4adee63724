"""Setting up a placement and recording its conversations on the site: each person writes their part."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import AssessmentConversation, Placement
from tests.lms_factories import make_cohort
from tests.placement_factories import person, snapshot

pytestmark = pytest.mark.django_db


def next_monday(weeks: int = 2) -> date:
    today = timezone.localdate()
    return today + timedelta(days=7 * weeks - today.weekday())


def form(**changes) -> dict:
    return {
        "student": "eva@example.org",
        "practice_supervisor": "mirabel@example.org",
        "workplace": "Utviklingssenter for psykisk helse og rus",
        "workplace_unit": "Aktivitetssenteret 31B",
        "starts_on": next_monday().isoformat(),
        "ends_on": "",
        **changes,
    }


def test_a_school_contact_sets_up_a_placement_with_three_conversations(client, world):
    eva = person("eva", "Eva", "Ek")
    cohort = make_cohort("Oslo 2025", [], teachers=[world.contact_a], members=[eva])
    client.force_login(world.contact_a)
    response = client.post(reverse("placements:create"), form(cohort=cohort.pk))
    placement = Placement.objects.get(student=eva)
    assert response.status_code == 302
    assert response["Location"] == reverse("placements:placement", args=[placement.pk])
    start = next_monday()
    assert (placement.school_contact, placement.practice_supervisor) == (world.contact_a, world.supervisor_s)
    assert (placement.starts_on, placement.ends_on, placement.cohort) == (
        start,
        start + timedelta(weeks=12),
        cohort,
    )
    planned = list(placement.conversations.order_by("number").values_list("number", "planned_on", "status"))
    assert planned == [
        (1, start + timedelta(weeks=1), "planned"),
        (2, start + timedelta(weeks=5), "planned"),
        (3, start + timedelta(weeks=10), "planned"),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"student": "nobody@example.org"}, "No account has this e-mail address."),
        (
            {"ends_on": (next_monday() - timedelta(days=1)).isoformat()},
            "The last day cannot be before the first day.",
        ),
        (
            {"ends_on": (next_monday() + timedelta(weeks=8)).isoformat()},
            "A practice placement lasts twelve weeks",
        ),
        ({"practice_supervisor": "contact_a@example.org"}, "two different people"),
    ],
)
def test_bad_input_on_the_form_is_shown_next_to_the_field_and_changes_nothing(
    client, world, changes, message
):
    person("eva", "Eva", "Ek")
    client.force_login(world.contact_a)
    before = snapshot()
    response = client.post(reverse("placements:create"), form(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Nothing has been saved. Please correct what the messages below point out." in html
    assert snapshot() == before


def test_the_conversation_is_recorded_and_each_person_writes_their_own_part(client, world):
    placement = world.anna_placement
    url = reverse("placements:record", args=[placement.pk, 1])
    client.force_login(world.contact_a)
    response = client.post(
        url,
        {
            "planned_on": "2025-01-13",
            "status": "held",
            "held_on": "2025-01-14",
            "student_took_part": "on",
            "school_contact_took_part": "on",
            "supervisor_took_part": "on",
            "assessment": "Anna has found her place in the team.",
        },
    )
    assert response.status_code == 302
    part_url = reverse("placements:part", args=[placement.pk, 1])
    client.force_login(world.supervisor_s)
    assert (
        client.post(part_url, {"text": "Anna listens well and shares her story with care."}).status_code
        == 302
    )
    client.force_login(world.anna)
    assert client.post(part_url, {"text": "I learnt to set limits."}).status_code == 302

    conversation = AssessmentConversation.objects.get(placement=placement, number=1)
    assert (conversation.status, conversation.held_on) == ("held", date(2025, 1, 14))
    assert conversation.assessment == "Anna has found her place in the team."
    assert conversation.supervisor_assessment == "Anna listens well and shares her story with care."
    assert conversation.student_reflection == "I learnt to set limits."
    html = client.get(reverse("placements:placement", args=[placement.pk])).content.decode()
    for text in (
        "found her place",
        "shares her story",
        "set limits",
        "student, school contact, practice supervisor",
    ):
        assert text in html


def test_a_text_too_long_on_the_site_is_refused_and_changes_nothing(client, world):
    client.force_login(world.contact_a)
    before = snapshot()
    response = client.post(
        reverse("placements:record", args=[world.anna_placement.pk, 1]),
        {
            "planned_on": "2025-01-13",
            "status": "held",
            "held_on": "2025-01-14",
            "student_took_part": "on",
            "assessment": "x" * 2001,
        },
    )
    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()
    assert snapshot() == before


def test_a_future_held_date_on_the_site_is_refused(client, world):
    client.force_login(world.contact_a)
    before = snapshot()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("placements:record", args=[world.anna_placement.pk, 1]),
        {
            "planned_on": "2025-01-13",
            "status": "held",
            "held_on": tomorrow.isoformat(),
            "student_took_part": "on",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The date held cannot be in the future." in html
    assert snapshot() == before


def test_moving_the_placement_moves_the_conversations_not_yet_held(client, world):
    placement = world.anna_placement
    AssessmentConversation.objects.filter(placement=placement, number=1).update(
        status="held", held_on="2025-01-13"
    )
    client.force_login(world.contact_a)
    values = {
        "student": "anna@example.org",
        "practice_supervisor": "mirabel@example.org",
        "workplace": placement.workplace,
        "starts_on": "2025-01-13",
        "ends_on": "",
        "status": "active",
    }
    assert client.post(reverse("placements:edit", args=[placement.pk]), values).status_code == 302
    planned = dict(placement.conversations.values_list("number", "planned_on"))
    assert planned == {1: date(2025, 1, 13), 2: date(2025, 2, 17), 3: date(2025, 3, 24)}
    placement.refresh_from_db()
    assert placement.ends_on == date(2025, 4, 7)


def test_the_student_is_told_to_wait_until_the_conversation_is_held(client, world):
    client.force_login(world.anna)
    response = client.get(reverse("placements:part", args=[world.anna_placement.pk, 2]))
    html = response.content.decode()
    assert "once the school contact has recorded the conversation as held" in html
    assert "<textarea" not in html


def test_the_overview_speaks_the_readers_language(client, world):
    client.force_login(world.contact_a)
    html = client.get("/nb/placements/").content.decode()
    assert "Dine studenters praksisperioder" in html
    assert "Oppstartssamtale:" in html
