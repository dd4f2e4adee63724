"""Groups in the Wagtail admin: a coordinator creates one with its supervisors, participants and
ground rules; a supervisor edits only their own and cannot create or delete groups."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from supervision.models import GroundRulesVersion, Membership, SupervisionGroup, Topic
from tests.supervision_factories import RULES, client_for, person

pytestmark = pytest.mark.django_db


def group_form(name, supervisors, participants, rules=RULES) -> dict:
    data = nested_form_data(
        {
            "name": name,
            "planned_sessions": "8",
            "planned_minutes": "120",
            "plan": "Once a month, spring and autumn.",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
            "ground_rules": rules,
            "memberships": inline_formset(
                [{"user": participant.pk, "employer": "Bydel Gamle Oslo"} for participant in participants]
            ),
        }
    )
    # A multiple choice is posted as repeated values, which nested_form_data does not make.
    return {**data, "supervisors": [supervisor.pk for supervisor in supervisors]}


def test_a_coordinator_creates_a_group_with_participants_and_the_first_rules(db):
    coordinator = person("coordinator")
    coordinator.is_superuser = True
    coordinator.save()
    anne, katja, kari, ola = (person(name) for name in ("anne", "katja", "kari", "ola"))

    response = client_for(coordinator).post(
        "/admin/supervision/groups/new/", group_form("Oslo east", [anne, katja], [kari, ola])
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    group = SupervisionGroup.objects.get(name="Oslo east")
    assert set(group.supervisors.all()) == {anne, katja}
    assert set(group.participants()) == {kari, ola}
    assert Membership.objects.get(group=group, user=kari).employer == "Bydel Gamle Oslo"
    assert list(GroundRulesVersion.objects.filter(group=group).values_list("number", "text")) == [(1, RULES)]


def test_a_supervisor_edits_their_group_but_creates_and_deletes_none(db):
    anne, kari = person("anne"), person("kari")
    anne.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = SupervisionGroup.objects.create(name="Oslo east", ground_rules=RULES)
    group.supervisors.set([anne])
    group.save()
    client = client_for(anne)

    edited = client.post(
        f"/admin/supervision/groups/edit/{group.pk}/",
        group_form("Oslo east", [anne], [kari], rules=RULES + " Phones stay off."),
    )
    add = client.get("/admin/supervision/groups/new/")
    delete = client.post(f"/admin/supervision/groups/delete/{group.pk}/")

    assert edited.status_code == 302
    assert group.current_rules().number == 2
    assert set(group.participants()) == {kari}
    assert add.status_code == 302
    assert delete.status_code == 302
    assert SupervisionGroup.objects.filter(pk=group.pk).exists()


def test_topics_can_be_retired_but_not_added_or_deleted(db):
    coordinator = person("coordinator")
    coordinator.is_superuser = True
    coordinator.save()
    client = client_for(coordinator)
    ethics = Topic.objects.get(code="ethics")

    retired = client.post(f"/admin/supervision/topics/edit/{ethics.pk}/", {})
    add = client.get("/admin/supervision/topics/new/")

    assert retired.status_code == 302
    ethics.refresh_from_db()
    assert ethics.active is False
    assert add.status_code == 302
    assert Topic.objects.count() == 12
