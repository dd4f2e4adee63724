"""Who may edit which language's pages: the per-language editor rule, in one place.

Pages, translations and anything else kept per language (interactive packages in lms/) ask here.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def editable_languages(user) -> set[str]:
    """The languages whose page tree ``user`` may edit: the per-language editor rule of pages.

    A country's editor group has its page permissions on that language's home page
    (``website.site_setup``); interactive packages and anything else kept per language
    follow the same rule, so who may edit Swedish pages may edit Swedish packages.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return {code for code, _name in settings.LANGUAGES}
    cached = getattr(user, "_editable_languages", None)
    if cached is None:  # once per request: lists ask for every row
        policy = PagePermissionPolicy()
        homes = Page.objects.filter(depth=2).select_related("locale")
        cached = user._editable_languages = frozenset(
            home.locale.language_code
            for home in homes
            if policy.user_has_permission_for_instance(user, "change", home)
        )
    return set(cached)
