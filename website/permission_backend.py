"""Django's model permissions, with a person's own and their groups' permissions read in one query.

The header asks ``has_perm`` on every page a signed-in person opens (which role links to
show); Django's ``ModelBackend`` reads the two sets in two queries. Same rules, same answers,
same per-request cache on the user (``_perm_cache``).

Every signed-in request also reads its person (``get_user``), and every content request its
learner (``lms.content.access``): ``active_person``, a query compiled once.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission

from website.compiled_query import CompiledQuery

#: Every signed-in request and every package file asks it: compiled once (website.compiled_query).
_ACTIVE_PERSON = CompiledQuery(
    lambda user_id: get_user_model()._default_manager.filter(pk=user_id, is_active=True), user_id=int
)


#: Ids no database row can have: past 64 bits SQLite refuses the value instead of finding nothing.
ID_RANGE = range(-(2**63), 2**63)


def active_person(user_id: int):
    """The active person with this id, or None."""
    if user_id not in ID_RANGE:
        return None
    return next(iter(_ACTIVE_PERSON.instances(user_id=user_id)), None)


class OneQueryModelBackend(ModelBackend):
    def get_user(self, user_id):
        """As ModelBackend's: the active person with this id, or None."""
        try:
            user_id = int(user_id)
        except (TypeError, ValueError):
            return None
        return active_person(user_id)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            fields = ("content_type__app_label", "codename")
            if user_obj.is_superuser:
                names = Permission.objects.values_list(*fields).order_by()
            else:
                own = Permission.objects.filter(user=user_obj)
                of_groups = Permission.objects.filter(group__user=user_obj)
                names = own.values_list(*fields).order_by().union(of_groups.values_list(*fields).order_by())
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in names}
        return user_obj._perm_cache
