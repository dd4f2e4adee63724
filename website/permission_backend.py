"""Django's model permissions, with a person's own and their groups' permissions read in one query.

The header asks ``has_perm`` on every page a signed-in person opens (which role links to
show); Django's ``ModelBackend`` reads the two sets in two queries. Same rules, same answers,
same per-request cache on the user (``_perm_cache``).
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class OneQueryModelBackend(ModelBackend):
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
