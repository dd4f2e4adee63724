"""Who may open which placement page: a school contact only their students', a student their own,
a practice supervisor the placements they supervise; everyone else gets nothing, not even a name.

Expected answers: OK (200), LOGIN (sent to sign in), HIDDEN (404: it does not exist for them),
REFUSED (403: they may see the placement but not do this).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from placements.models import AssessmentConversation
from placements.permissions import SCHOOL_CONTACTS_GROUP
from tests.placement_factories import snapshot

pytestmark = pytest.mark.django_db

OK, LOGIN, HIDDEN, REFUSED = "ok", "login", "hidden", "refused"


def outcome(response) -> str:
    if response.status_code == 200:
        return OK
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return LOGIN
    return {404: HIDDEN, 403: REFUSED}.get(response.status_code, f"unexpected {response.status_code}")


def page(name: str, placement, *more) -> str:
    return reverse(f"placements:{name}", args=[placement.pk, *more])


# Anna's placement: school contact A, supervisor S. Bo's: school contact B, supervisor T.
ANNA_PAGES = [
    # actor, page, expected
    ("anonymous", "placement", LOGIN),
    ("anonymous", "edit", LOGIN),
    ("anonymous", "record", LOGIN),
    ("anonymous", "part", LOGIN),
    ("contact_a", "placement", OK),
    ("contact_a", "edit", OK),
    ("contact_a", "record", OK),
    ("contact_a", "part", REFUSED),
    ("contact_b", "placement", HIDDEN),
    ("contact_b", "edit", HIDDEN),
    ("contact_b", "record", HIDDEN),
    ("contact_b", "part", HIDDEN),
    ("anna", "placement", OK),
    ("anna", "edit", REFUSED),
    ("anna", "record", REFUSED),
    ("anna", "part", OK),
    ("bo", "placement", HIDDEN),
    ("bo", "record", HIDDEN),
    ("bo", "part", HIDDEN),
    ("supervisor_s", "placement", OK),
    ("supervisor_s", "edit", REFUSED),
    ("supervisor_s", "record", REFUSED),
    ("supervisor_s", "part", OK),
    ("supervisor_t", "placement", HIDDEN),
    ("supervisor_t", "part", HIDDEN),
    ("outsider", "placement", HIDDEN),
    ("outsider", "record", HIDDEN),
]


@pytest.mark.parametrize(("actor", "name", "expected"), ANNA_PAGES)
def test_who_may_open_annas_placement_pages(client, world, actor, name, expected):
    if actor != "anonymous":
        client.force_login(getattr(world, actor))
    extra = [1] if name in ("record", "part") else []
    assert outcome(client.get(page(name, world.anna_placement, *extra))) == expected


@pytest.mark.parametrize("actor", ["contact_b", "bo", "supervisor_t", "outsider", "anna", "supervisor_s"])
def test_nobody_else_can_record_a_conversation_and_nothing_changes(client, world, actor):
    client.force_login(getattr(world, actor))
    before = snapshot()
    response = client.post(
        page("record", world.anna_placement, 1),
        {"planned_on": "2025-01-13", "status": "held", "held_on": "2025-01-13", "assessment": "Taken over"},
    )
    assert outcome(response) in (HIDDEN, REFUSED)
    assert snapshot() == before


def test_a_stranger_cannot_write_a_part_of_someone_elses_conversation(client, world):
    AssessmentConversation.objects.filter(placement=world.bo_placement, number=1).update(
        status="held", held_on="2025-01-13"
    )
    before = snapshot()
    client.force_login(world.supervisor_s)
    response = client.post(page("part", world.bo_placement, 1), {"text": "Not my student"})
    assert outcome(response) == HIDDEN
    assert snapshot() == before


def test_the_overview_needs_a_sign_in(client, world):
    assert outcome(client.get(reverse("placements:overview"))) == LOGIN


def test_a_school_contact_sees_only_their_own_students_in_the_overview(client, world):
    client.force_login(world.contact_a)
    html = client.get(reverse("placements:overview")).content.decode()
    assert "Anna Aalto" in html
    assert "Aktivitetssenteret 31B" in html
    assert "Bo Bergström" not in html
    assert "Lillestrøm" not in html
    assert reverse("placements:placement", args=[world.bo_placement.pk]) not in html


def test_a_student_sees_only_their_own_placement(client, world):
    client.force_login(world.anna)
    html = client.get(reverse("placements:overview")).content.decode()
    assert "Your practice placements" in html
    assert "Aktivitetssenteret 31B" in html
    assert "Lillestrøm" not in html
    assert "Your students' placements" not in html


def test_a_practice_supervisor_sees_only_the_placements_they_supervise(client, world):
    client.force_login(world.supervisor_t)
    html = client.get(reverse("placements:overview")).content.decode()
    assert "Placements you supervise" in html
    assert "Bo Bergström" in html
    assert "Anna Aalto" not in html


def test_someone_without_placements_is_told_so_and_cannot_set_one_up(client, world):
    client.force_login(world.outsider)
    html = client.get(reverse("placements:overview")).content.decode()
    assert "You have no practice placements." in html
    assert "Anna Aalto" not in html and "Bo Bergström" not in html
    assert outcome(client.get(reverse("placements:create"))) == REFUSED


def test_a_school_contact_who_loses_the_role_no_longer_sees_their_students(client, world):
    world.contact_a.groups.remove(Group.objects.get(name=SCHOOL_CONTACTS_GROUP))
    client.force_login(world.contact_a)
    assert outcome(client.get(page("placement", world.anna_placement))) == HIDDEN
    assert "Anna Aalto" not in client.get(reverse("placements:overview")).content.decode()


def test_a_coordinator_sees_every_placement(client, world):
    from tests.factories import make_user

    client.force_login(make_user("coordinator", superuser=True))
    html = client.get(reverse("placements:overview")).content.decode()
    assert "All placements" in html
    assert "Anna Aalto" in html and "Bo Bergström" in html
