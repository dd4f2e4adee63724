"""Bad input about placements gets a clear message and leaves every row as it was.

Rules are checked in the services (which the site and the admin call) and, where a rule can be
held by the database, by a constraint as well: writing past the services fails there too.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from placements import services
from placements.models import ASSESSMENT_MAX_LENGTH, AssessmentConversation, Placement
from tests.lms_factories import make_cohort
from tests.placement_factories import START, make_placement, person, school_contact, snapshot

pytestmark = pytest.mark.django_db

BEFORE_START = START - timedelta(days=7)


def refused(call, *args, **kwargs) -> dict[str, list[str]]:
    """The messages of the ValidationError ``call`` raises; fails the test if it raises none."""
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.message_dict


def all_messages(problems: dict) -> str:
    return " ".join(message for messages in problems.values() for message in messages)


def new_placement(world, **fields) -> Placement:
    values = {
        "student": person("eva", "Eva", "Ek"),
        "practice_supervisor": world.supervisor_s,
        "school_contact": world.contact_a,
        "workplace": "Sagatun",
        "starts_on": START,
    }
    return Placement(**{**values, **fields})


# --- A fourth conversation ------------------------------------------------------------------


def test_a_fourth_conversation_is_refused_with_a_clear_message(world):
    before = snapshot()
    problems = refused(services.add_conversation, world.anna_placement, 4, date(2025, 3, 20), today=START)
    assert "three assessment conversations" in all_messages(problems)
    problems = refused(services.add_conversation, world.anna_placement, 2, date(2025, 3, 20), today=START)
    assert "already has its three assessment conversations" in all_messages(problems)
    assert snapshot() == before


@pytest.mark.parametrize("number", [2, 4, 0])
def test_the_database_holds_three_conversations_at_most(world, number):
    before = snapshot()
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentConversation.objects.create(placement=world.anna_placement, number=number, planned_on=START)
    assert snapshot() == before


def test_a_conversation_that_does_not_exist_has_no_page(client, world):
    client.force_login(world.contact_a)
    before = snapshot()
    url = f"/en/placements/{world.anna_placement.pk}/conversations/4/"
    assert client.post(url, {"planned_on": "2025-03-20", "status": "planned"}).status_code == 404
    assert snapshot() == before


# --- Dates ------------------------------------------------------------------------------------


def record(world, today=date(2025, 1, 20), number=1, **changes):
    conversation = world.anna_placement.conversations.get(number=number)
    return services.record_conversation(conversation, changes, today=today)


def test_a_conversation_cannot_be_held_in_the_future(world):
    before = snapshot()
    problems = refused(record, world, today=date(2025, 1, 12), status="held", held_on=date(2025, 1, 13))
    assert problems == {"held_on": ["The date held cannot be in the future."]}
    assert snapshot() == before


@pytest.mark.parametrize(
    "changes",
    [
        {"planned_on": date(2024, 12, 1)},  # five weeks before the start
        {"planned_on": date(2025, 5, 20)},  # seven weeks after the end
        {"status": "held", "held_on": date(2024, 12, 1)},
    ],
)
def test_conversation_dates_stay_near_the_placement(world, changes):
    before = snapshot()
    problems = refused(record, world, today=date(2025, 6, 1), **changes)
    assert "from two weeks before the placement starts to four weeks after it ends" in all_messages(problems)
    assert snapshot() == before


def test_held_needs_a_date_and_the_student(world):
    before = snapshot()
    assert "Give the date" in all_messages(refused(record, world, status="held"))
    problems = refused(record, world, status="held", held_on=date(2025, 1, 13), student_took_part=False)
    assert "held with the student" in all_messages(problems)
    assert "unless the conversation has been held" in all_messages(
        refused(record, world, status="planned", held_on=date(2025, 1, 13))
    )
    assert snapshot() == before


def test_a_placement_cannot_end_before_it_starts(world):
    before = snapshot()
    problems = refused(
        services.save_placement, new_placement(world, ends_on=START - timedelta(days=1)), today=BEFORE_START
    )
    assert problems == {"ends_on": ["The last day cannot be before the first day."]}
    assert snapshot() == before


@pytest.mark.parametrize("weeks", [10, 13, 24])
def test_a_placement_lasts_twelve_weeks_unless_allowed_otherwise(world, weeks):
    before = snapshot()
    placement = new_placement(world, ends_on=START + timedelta(weeks=weeks))
    problems = refused(services.save_placement, placement, today=BEFORE_START)
    assert "lasts twelve weeks" in problems["ends_on"][0]
    assert snapshot() == before


def test_another_length_needs_a_reason_and_then_is_accepted(world):
    before = snapshot()
    placement = new_placement(world, ends_on=START + timedelta(weeks=6), other_length_allowed=True)
    problems = refused(services.save_placement, placement, today=BEFORE_START)
    assert problems["other_length_reason"] == ["Say why another length than twelve weeks is allowed."]
    assert snapshot() == before
    placement.other_length_reason = "Second half of a split placement"
    services.save_placement(placement, today=BEFORE_START)
    planned = list(placement.conversations.values_list("planned_on", flat=True))
    assert all(START <= day <= placement.ends_on for day in planned)


@pytest.mark.parametrize(
    ("starts_on", "message"),
    [
        (date(1025, 1, 6), "Check the year of the first day"),
        (BEFORE_START + timedelta(days=3 * 365), "at most two years ahead"),
    ],
)
def test_a_first_day_far_off_is_refused(world, starts_on, message):
    before = snapshot()
    problems = refused(services.save_placement, new_placement(world, starts_on=starts_on), today=BEFORE_START)
    assert message in all_messages(problems)
    assert snapshot() == before


def test_dates_that_would_leave_a_held_conversation_outside_are_refused(world):
    record(world, status="held", held_on=date(2025, 1, 13))
    before = snapshot()
    placement = Placement.objects.get(pk=world.anna_placement.pk)
    placement.starts_on, placement.ends_on = date(2025, 3, 3), None
    problems = refused(services.save_placement, placement, today=date(2025, 1, 20))
    assert "Start conversation: held on" in all_messages(problems)
    assert snapshot() == before


# --- Texts --------------------------------------------------------------------------------------


def test_an_assessment_too_long_is_refused(world):
    before = snapshot()
    too_long = "x" * (ASSESSMENT_MAX_LENGTH + 1)
    problems = refused(record, world, status="held", held_on=date(2025, 1, 13), assessment=too_long)
    assert problems["assessment"] == ["Keep the text to 2000 characters; this one has 2001."]
    assert snapshot() == before


def test_a_part_too_long_is_refused_and_the_database_holds_the_limit_too(world):
    record(world, status="held", held_on=date(2025, 1, 13))
    conversation = world.anna_placement.conversations.get(number=1)
    before = snapshot()
    too_long = "x" * (ASSESSMENT_MAX_LENGTH + 1)
    refused(services.write_part, conversation, services.SUPERVISOR_PART, too_long)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentConversation.objects.filter(pk=conversation.pk).update(student_reflection=too_long)
    assert snapshot() == before


def test_no_part_before_the_conversation_is_held(world):
    before = snapshot()
    conversation = world.anna_placement.conversations.get(number=1)
    problems = refused(services.write_part, conversation, services.STUDENT_PART, "My reflection")
    assert "once the school contact has recorded the conversation as held" in all_messages(problems)
    assert snapshot() == before


def test_an_assessment_waits_until_the_conversation_is_held(world):
    before = snapshot()
    problems = refused(record, world, assessment="Went well")
    assert problems == {"assessment": ["Write the assessment once the conversation has been held."]}
    assert snapshot() == before


# --- People in the wrong role ------------------------------------------------------------------------


def test_a_school_contact_must_have_the_role(world):
    before = snapshot()
    placement = new_placement(world, school_contact=world.outsider)
    problems = refused(services.save_placement, placement, today=BEFORE_START)
    assert problems["school_contact"] == [
        "Olga Ots is not a school contact. An administrator gives this role with the group “School contacts”."
    ]
    assert snapshot() == before


@pytest.mark.parametrize(
    ("roles", "field", "message"),
    [
        ({"practice_supervisor": "student"}, "practice_supervisor", "their own practice supervisor"),
        ({"school_contact": "student"}, "school_contact", "their own school contact"),
        ({"practice_supervisor": "school_contact"}, "practice_supervisor", "two different people"),
    ],
)
def test_three_different_people(world, roles, field, message):
    student = school_contact("teacher_student", "Tea", "Student")
    people = {
        "student": student,
        "practice_supervisor": world.supervisor_s,
        "school_contact": world.contact_a,
    }
    for role, same_as in roles.items():
        people[role] = people[same_as]
    before = snapshot()
    problems = refused(services.save_placement, new_placement(world, **people), today=BEFORE_START)
    assert message in " ".join(problems[field])
    assert snapshot() == before


def test_the_database_refuses_one_person_in_two_roles(world):
    before = snapshot()
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.filter(pk=world.anna_placement.pk).update(practice_supervisor=world.anna)
    assert snapshot() == before


def test_the_student_must_be_in_the_chosen_cohort(world):
    cohort = make_cohort("Oslo 2025", [], members=[world.bo])
    before = snapshot()
    problems = refused(services.save_placement, new_placement(world, cohort=cohort), today=BEFORE_START)
    assert problems["cohort"] == ["Eva Ek is not a participant of the cohort Oslo 2025."]
    assert snapshot() == before


def test_closed_accounts_take_no_role(world):
    world.supervisor_s.is_active = False
    world.supervisor_s.save()
    before = snapshot()
    problems = refused(services.save_placement, new_placement(world), today=BEFORE_START)
    assert problems["practice_supervisor"] == ["The account of Mirabel Nguyen is closed."]
    assert snapshot() == before


def test_a_student_has_one_placement_at_a_time(world):
    before = snapshot()
    second = new_placement(world, student=world.anna, starts_on=START + timedelta(weeks=4))
    problems = refused(services.save_placement, second, today=BEFORE_START)
    assert problems["starts_on"] == ["Anna Aalto already has a placement from 06/01/2025 to 31/03/2025."]
    assert snapshot() == before
    # The next one, after this one has ended, is fine.
    after = make_placement(world.anna, world.supervisor_s, world.contact_a, starts_on=date(2025, 8, 18))
    assert after.conversations.count() == 3
