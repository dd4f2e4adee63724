"""Two people saving one placement or one conversation at once: each keeps the part they wrote.

- The coordinator's conversation form (admin) and the practice supervisor's assessment: the
  admin form used to save the supervisor's and the student's texts as the form had read them.
- Two edits of one placement (a school contact on the site, a coordinator in the admin):
  ``save_placement`` used to save the caller's whole copy after locking another one.

On PostgreSQL the saves run in threads with their own connections and real transactions;
the other tests replay the same race one step after the other, from copies read before either.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from placements import services
from placements.models import AssessmentConversation, Placement
from tests.concurrency import run_together
from tests.factories import make_user
from tests.placement_factories import START, make_placement, person, school_contact

HELD_ON = date(2025, 1, 13)


def held_conversation():
    contact = school_contact("contact", "Karin", "Aune")
    student, supervisor = person("anna", "Anna", "Aalto"), person("mirabel", "Mirabel", "Nguyen")
    placement = make_placement(student, supervisor, contact)
    conversation = placement.conversations.get(number=1)
    changes = {"status": "held", "held_on": HELD_ON, "student_took_part": True, "supervisor_took_part": True}
    return services.record_conversation(conversation, changes, today=HELD_ON)


def coordinator_client() -> Client:
    client = Client()
    client.force_login(make_user("coordinator", superuser=True))
    return client


def admin_form_data(conversation: AssessmentConversation, **changes) -> dict:
    """What the admin's edit form posts: every field as it showed it, with the coordinator's changes."""
    data = {
        "placement": conversation.placement_id,
        "number": conversation.number,
        "planned_on": conversation.planned_on.isoformat(),
        "status": conversation.status,
        "held_on": conversation.held_on.isoformat() if conversation.held_on else "",
        "assessment": conversation.assessment,
        "supervisor_assessment": conversation.supervisor_assessment,
        "student_reflection": conversation.student_reflection,
    }
    for flag in ("student_took_part", "school_contact_took_part", "supervisor_took_part"):
        if getattr(conversation, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def admin_saves(client: Client, conversation, **changes):
    url = reverse("placement_conversations:edit", args=[conversation.pk])
    response = client.post(url, admin_form_data(conversation, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
def test_the_admin_form_opened_before_the_supervisor_wrote_keeps_the_supervisors_text():
    conversation = held_conversation()
    client = coordinator_client()
    shown = AssessmentConversation.objects.get(pk=conversation.pk)  # what the admin's form showed
    services.write_part(conversation, services.SUPERVISOR_PART, "Anna listens well.")
    services.write_part(conversation, services.STUDENT_PART, "I learnt to pause.")
    admin_saves(client, shown, assessment="Good progress.", school_contact_took_part="on")
    conversation.refresh_from_db()
    assert conversation.assessment == "Good progress." and conversation.school_contact_took_part
    assert conversation.supervisor_assessment == "Anna listens well."
    assert conversation.student_reflection == "I learnt to pause."


@pytest.mark.django_db
def test_the_admin_form_cannot_write_the_supervisors_or_students_text():
    conversation = held_conversation()
    admin_saves(
        coordinator_client(), conversation, supervisor_assessment="Forged", student_reflection="Forged"
    )
    conversation.refresh_from_db()
    assert conversation.supervisor_assessment == "" and conversation.student_reflection == ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
def test_admin_and_supervisor_saving_at_once_both_keep_their_part():
    conversation = held_conversation()
    client = coordinator_client()
    for round_number in range(3):
        shown = AssessmentConversation.objects.get(pk=conversation.pk)
        text, assessment = f"Supervisor, round {round_number}", f"Contact, round {round_number}"
        jobs = [
            lambda shown=shown, assessment=assessment: admin_saves(client, shown, assessment=assessment),
            lambda text=text: services.write_part(conversation, services.SUPERVISOR_PART, text),
        ]
        assert run_together(jobs) == []
        conversation.refresh_from_db()
        assert (conversation.assessment, conversation.supervisor_assessment) == (assessment, text)


def two_copies():
    contact = school_contact("contact", "Karin", "Aune")
    placement = make_placement(person("anna", "Anna", "Aalto"), person("mirabel"), contact)
    return placement, Placement.objects.get(pk=placement.pk), Placement.objects.get(pk=placement.pk)


def edit(copy: Placement, **changes):
    for name, value in changes.items():
        setattr(copy, name, value)
    return lambda: services.save_placement(copy, today=START, fields=list(changes))


@pytest.mark.django_db
def test_two_edits_of_a_placement_from_copies_read_before_either_keep_both():
    placement, contact_copy, coordinator_copy = two_copies()
    edit(contact_copy, workplace="Sagatun brukerstyrt senter")()
    edit(coordinator_copy, workplace_address="Storgata 1")()
    placement.refresh_from_db()
    assert placement.workplace == "Sagatun brukerstyrt senter"
    assert placement.workplace_address == "Storgata 1"


@pytest.mark.django_db
def test_moving_the_dates_still_moves_the_conversations_and_keeps_the_other_edit():
    placement, contact_copy, coordinator_copy = two_copies()
    later = START + timedelta(days=7)
    edit(coordinator_copy, workplace_unit="Unit 3")()
    edit(contact_copy, starts_on=later, ends_on=later + timedelta(weeks=12))()
    placement.refresh_from_db()
    assert placement.workplace_unit == "Unit 3" and placement.starts_on == later
    assert placement.conversations.get(number=1).planned_on == HELD_ON + timedelta(days=7)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
def test_two_edits_of_a_placement_at_once_keep_both():
    placement, _a, _b = two_copies()
    for round_number in range(3):
        contact_copy, coordinator_copy = (
            Placement.objects.get(pk=placement.pk),
            Placement.objects.get(pk=placement.pk),
        )
        workplace = f"Sagatun {round_number}"
        address = f"Storgata {round_number}"
        jobs = [edit(contact_copy, workplace=workplace), edit(coordinator_copy, workplace_address=address)]
        assert run_together(jobs) == []
        placement.refresh_from_db()
        assert (placement.workplace, placement.workplace_address) == (workplace, address)
