"""The header's links by role, for every page: the learning, teaching, supervision and placement
parts a signed-in person is part of. Lazy, so a page that shows no header pays nothing."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Case, Exists, Func, IntegerField, Q, Subquery, Value, When
from django.utils.functional import SimpleLazyObject

from lms.models import Certificate, Enrolment
from placements.models import Placement
from placements.permissions import COORDINATOR_PERMISSION, SCHOOL_CONTACT_PERMISSION, taking_part_in
from supervision.permissions import COORDINATOR_PERMISSION as SUPERVISION_COORDINATOR_PERMISSION
from supervision.permissions import groups_of_participant
from website.compiled_query import CompiledQuery

#: Who may use Wagtail's admin, so gets its user bar on the site's pages.
EDITOR_PERMISSION = "wagtailadmin.access_admin"


#: The role permissions the header asks about, each with its bit in ``_held_permissions``.
ROLE_PERMISSIONS = {
    "supervision_coordinator": SUPERVISION_COORDINATOR_PERMISSION,
    "school_contact": SCHOOL_CONTACT_PERMISSION,
    "placements_coordinator": COORDINATOR_PERMISSION,
    "editor": EDITOR_PERMISSION,
}


def _held_permissions(user) -> Subquery:
    """Which of ``ROLE_PERMISSIONS`` the person holds, their own or a group's, as the bits of one
    number (NULL for none; a superuser has every permission: asked apart).

    One subquery over the person's permission ids: four ``EXISTS`` joining six tables each took
    PostgreSQL about 4 ms to plan on every signed-in page, more than all the page's other queries.
    """
    named, bits = Q(), []
    for bit, permission in enumerate(ROLE_PERMISSIONS.values()):
        app_label, codename = permission.split(".", 1)
        this = Q(content_type__app_label=app_label, codename=codename)
        named |= this
        bits.append(When(this, then=Value(1 << bit)))
    user_model = get_user_model()
    own = user_model.user_permissions.through.objects.filter(user=user).values("permission_id")
    groups = user_model.groups.through.objects.filter(user=user).values("group_id")
    through_groups = Group.permissions.through.objects.filter(group_id__in=groups).values("permission_id")
    held = Permission.objects.filter(named).filter(Q(pk__in=own) | Q(pk__in=through_groups))
    # SUM as a plain function: an aggregate would make the ORM group the subquery by its columns.
    # DISTINCT: two permissions of one name (on two models of an app) set their bit once.
    total = Func(
        Case(*bits, default=Value(0)), template="SUM(DISTINCT %(expressions)s)", output_field=IntegerField()
    )
    return Subquery(held.order_by().annotate(bits=total).values("bits"))


def _records_query(user):
    """Which of the person's records and role permissions exist, as one query."""
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            teaching=Exists(user.teaching_cohorts.all()),
            supervising=Exists(user.supervised_groups.all()),
            participating=Exists(groups_of_participant(user)),
            placements=Exists(Placement.objects.filter(taking_part_in(user))),
            enrolled=Exists(Enrolment.objects.filter(user=user)),
            certified=Exists(Certificate.objects.filter(user=user)),
            permissions=_held_permissions(user),
        )
    )


#: Compiled once per database (website.compiled_query): building its subqueries with the ORM took
#: about 3 ms of every signed-in page.
_RECORDS = CompiledQuery(lambda user_id: _records_query(get_user_model()(pk=user_id)), user_id=int)


def _records(user) -> dict[str, bool] | None:
    rows = _RECORDS.dicts(user_id=user.pk)
    if not rows:
        return None
    has = dict(rows[0])
    held = has.pop("permissions") or 0
    has.update({name: bool(held & (1 << bit)) for bit, name in enumerate(ROLE_PERMISSIONS)})
    return {name: bool(value) for name, value in has.items()}


def roles_of(user) -> dict[str, bool]:
    """Which of the header's role links the signed-in person gets: only those that concern them.

    The same rules as lms, supervision and placements permissions (tests/lms/test_header_roles.py
    holds them to it), asked in one query: the person's records and their role permissions.
    """
    if user is None or not user.is_authenticated:
        return {}
    has = _records(user)
    if has is None:  # the account was deleted during the request
        return {}
    superuser = user.is_active and user.is_superuser
    return {
        "teaching": user.is_superuser or has["teaching"],
        "supervision": superuser
        or has["supervision_coordinator"]
        or has["supervising"]
        or has["participating"],
        "placements": superuser
        or (user.is_active and has["school_contact"])
        or has["placements_coordinator"]
        or has["placements"],
        "certificates": has["enrolled"] or has["certified"],
        # Wagtail's user bar (edit this page), which asks this permission itself once shown.
        "editor": superuser or has["editor"],
    }


def role_links(request) -> dict:
    user = getattr(request, "user", None)
    return {"roles": SimpleLazyObject(lambda: roles_of(user))}
