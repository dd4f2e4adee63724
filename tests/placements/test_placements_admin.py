"""Coordinators manage placements in the Wagtail admin; the same rules hold there."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from placements.models import AssessmentConversation, Placement
from placements.permissions import SCHOOL_CONTACTS_GROUP
from tests.factories import make_user
from tests.placement_factories import person, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = make_user("coordinator", superuser=True)
    client.force_login(user)
    return user


def placement_data(world, student, **changes) -> dict:
    return {
        "student": student.pk,
        "practice_supervisor": world.supervisor_s.pk,
        "school_contact": world.contact_a.pk,
        "workplace": "Sagatun brukerstyrt senter",
        "workplace_unit": "",
        "workplace_address": "",
        "cohort": "",
        "starts_on": "2027-08-16",
        "ends_on": "",
        "other_length_reason": "",
        "status": "active",
        **changes,
    }


def test_the_school_contacts_group_gives_the_role():
    group = Group.objects.get(name=SCHOOL_CONTACTS_GROUP)
    assert list(group.permissions.values_list("codename", flat=True)) == ["be_school_contact"]


def test_a_coordinator_adds_a_placement_which_gets_its_conversations(client, world, coordinator):
    eva = person("eva", "Eva", "Ek")
    response = client.post(reverse("placement_admin:add"), placement_data(world, eva))
    assert response.status_code == 302, response.content.decode()[:3000]
    placement = Placement.objects.get(student=eva)
    assert placement.ends_on == date(2027, 11, 8)
    assert placement.conversations.count() == 3


def test_the_admin_refuses_a_placement_that_is_not_twelve_weeks(client, world, coordinator):
    eva = person("eva", "Eva", "Ek")
    before = snapshot()
    response = client.post(reverse("placement_admin:add"), placement_data(world, eva, ends_on="2027-09-30"))
    assert response.status_code == 200
    assert "A practice placement lasts twelve weeks" in response.content.decode()
    assert snapshot() == before


def test_the_admin_refuses_a_fourth_conversation(client, world, coordinator):
    before = snapshot()
    response = client.post(
        reverse("placement_conversations:add"),
        {
            "placement": world.anna_placement.pk,
            "number": "2",
            "planned_on": "2025-03-01",
            "status": "planned",
        },
    )
    assert response.status_code == 200
    assert "This placement already has its three assessment conversations" in response.content.decode()
    assert snapshot() == before


def test_the_admin_refuses_a_held_date_in_the_future(client, world, coordinator):
    conversation = world.anna_placement.conversations.get(number=3)
    before = snapshot()
    url = reverse("placement_conversations:edit", args=[conversation.pk])
    data = {
        "placement": world.anna_placement.pk,
        "number": "3",
        "planned_on": "2025-03-17",
        "status": "held",
        "held_on": "2099-03-17",
        "student_took_part": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "The date held cannot be in the future." in response.content.decode()
    assert snapshot() == before
    assert AssessmentConversation.objects.get(pk=conversation.pk).status == "planned"


def test_admin_access_alone_does_not_open_placements(client, world):
    user = make_user("editor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("placement_admin:index")).status_code == 302
