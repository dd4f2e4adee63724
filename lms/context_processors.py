"""The header's links by role, for every page: the learning, teaching, supervision and placement
parts a signed-in person is part of. Lazy, so a page that shows no header pays nothing."""

from __future__ import annotations

import copy

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Exists
from django.utils.functional import SimpleLazyObject

from lms.models import Certificate, Enrolment
from placements.permissions import is_coordinator, is_school_contact, placements_visible_to
from supervision.permissions import groups_of_participant
from supervision.permissions import is_coordinator as is_supervision_coordinator


def _records_query(user):
    """Which of the person's records exist, as one query (the same rules as the permissions)."""
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            teaching=Exists(user.teaching_cohorts.all()),
            supervising=Exists(user.supervised_groups.all()),
            participating=Exists(groups_of_participant(user)),
            placements=Exists(placements_visible_to(user)),
            enrolled=Exists(Enrolment.objects.filter(user=user)),
            certified=Exists(Certificate.objects.filter(user=user)),
        )
    )


#: The records query compiled, per its shape: building and compiling its six subqueries with the
#: ORM took about 3 ms of every signed-in page, running it a few microseconds. The shape depends on
#: the person's placement permissions and the database; what changes is the person's id, at the
#: positions where a stand-in id stood when it was compiled.
_COMPILED: dict[tuple, tuple[str, tuple, list[int]]] = {}
_STAND_IN_ID = -7_340_119


def _records(user, shape: tuple) -> dict[str, bool] | None:
    compiled = _COMPILED.get(shape)
    if compiled is None:
        # A copy keeps the permissions already read for this request, so the shape is the same.
        stand_in = copy.copy(user)
        stand_in.pk = _STAND_IN_ID
        sql, params = _records_query(stand_in).query.sql_with_params()
        positions = [index for index, param in enumerate(params) if param == _STAND_IN_ID]
        compiled = _COMPILED[shape] = (sql, params, positions)
    sql, params, positions = compiled
    values = list(params)
    for index in positions:
        values[index] = user.pk
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    return None if row is None else dict(zip(ROLE_RECORDS, (bool(value) for value in row), strict=True))


ROLE_RECORDS = ("teaching", "supervising", "participating", "placements", "enrolled", "certified")


def roles_of(user) -> dict[str, bool]:
    """Which of the header's role links the signed-in person gets: only those that concern them.

    The same rules as lms, supervision and placements permissions, asked in one query for the
    person's records (plus the permission lookups Django caches on the user for the request).
    """
    if user is None or not user.is_authenticated:
        return {}
    supervision_coordinator = is_supervision_coordinator(user)
    school_contact, coordinator = is_school_contact(user), is_coordinator(user)
    has = _records(user, (school_contact, coordinator, connections[DEFAULT_DB_ALIAS].vendor))
    if has is None:  # the account was deleted during the request
        return {}
    return {
        "teaching": user.is_superuser or has["teaching"],
        "supervision": supervision_coordinator or has["supervising"] or has["participating"],
        "placements": school_contact or coordinator or has["placements"],
        "certificates": has["enrolled"] or has["certified"],
    }


def role_links(request) -> dict:
    user = getattr(request, "user", None)
    return {"roles": SimpleLazyObject(lambda: roles_of(user))}
