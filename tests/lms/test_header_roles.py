"""The header's role links (lms.context_processors.roles_of) follow the same rules as the permission
functions of lms, supervision and placements, asked in one query of their own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.context_processors import roles_of
from lms.models import Enrolment
from placements import permissions as placement_rules
from supervision import permissions as supervision_rules
from tests.factories import make_user
from tests.placement_factories import make_placement, school_contact
from tests.supervision_factories import make_group

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def permission(name: str) -> Permission:
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def expected(user) -> dict[str, bool]:
    """The rules as the permission functions and the person's records state them."""
    return {
        "teaching": user.is_superuser or user.teaching_cohorts.exists(),
        "supervision": supervision_rules.is_coordinator(user)
        or user.supervised_groups.exists()
        or supervision_rules.groups_of_participant(user).exists(),
        "placements": placement_rules.is_school_contact(user)
        or placement_rules.is_coordinator(user)
        or placement_rules.placements_visible_to(user).exists(),
        "certificates": Enrolment.objects.filter(user=user).exists() or user.certificates.exists(),
        "editor": user.has_perm("wagtailadmin.access_admin"),
    }


@pytest.fixture
def people(db):
    everyone = {
        "nobody": make_user("nobody"),
        "superuser": make_user("root", superuser=True),
        "school contact (by group)": school_contact("contact"),
        "supervisor": make_user("supervisor"),
        "participant": make_user("participant"),
        "student": make_user("student"),
        "practice supervisor": make_user("mentor"),
    }
    coordinator = everyone["placement coordinator (own)"] = make_user("coordinator")
    coordinator.user_permissions.add(permission(placement_rules.COORDINATOR_PERMISSION))
    group = Group.objects.create(name="Supervision coordinators")
    group.permissions.add(permission(supervision_rules.COORDINATOR_PERMISSION))
    supervision_coordinator = everyone["supervision coordinator (by group)"] = make_user("organiser")
    supervision_coordinator.groups.add(group)
    make_group("Oslo", supervisors=[everyone["supervisor"]], participants=[everyone["participant"]])
    contact = everyone["school contact (by group)"]
    make_placement(everyone["student"], everyone["practice supervisor"], contact)
    editors = Group.objects.create(name="Translators of the library")
    editors.permissions.add(permission("wagtailadmin.access_admin"))
    everyone["editor (by group)"] = make_user("editor", groups=(editors,))
    # Several role permissions at once, one of them both their own and a group's: each counted once.
    several = everyone["editor and both coordinators"] = make_user("several", groups=(editors, group))
    own = [placement_rules.COORDINATOR_PERMISSION, supervision_rules.COORDINATOR_PERMISSION]
    several.user_permissions.add(*(permission(name) for name in own))
    return everyone


def test_every_role_link_follows_the_permission_rules(people):
    seen = set()
    for name, user in people.items():
        fresh = type(user).objects.get(pk=user.pk)  # no permissions cached from before
        roles = roles_of(fresh)
        assert roles == expected(type(user).objects.get(pk=user.pk)), name
        seen |= {role for role, shown in roles.items() if shown}
    assert seen == {"teaching", "supervision", "placements", "editor"}  # each rule met by someone


def test_the_roles_cost_one_query_and_no_permission_lookup(people):
    user = type(people["school contact (by group)"]).objects.get(username="contact")
    with CaptureQueriesContext(connection) as captured:
        roles = roles_of(user)
    assert roles["placements"] and len(captured.captured_queries) == 1
    assert not hasattr(user, "_perm_cache")


def test_wagtails_user_bar_shows_for_editors_only(client, home, people):
    client.force_login(people["editor (by group)"])
    assert "wagtail-userbar" in client.get(home.url).content.decode()
    client.force_login(people["student"])
    assert "wagtail-userbar" not in client.get(home.url).content.decode()
