"""Who may start a translation into which language, in the admin.

wagtail-localize offers every language to anyone allowed to submit translations,
and its snippet view asks nothing of the snippet model. Each country's editors
may work in their own tree only, so the submit views here offer a page only the
languages whose tree the user may add pages to, and a snippet only to users who
may add that kind of snippet.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.models import Locale, Page
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)


def locales_open_to(user, page: Page) -> list[int]:
    """Ids of the locales into which ``user`` may create a translation of ``page``.

    A translation goes under the translation of the page's nearest translated
    ancestor (wagtail-localize copies missing parents), so that ancestor decides.
    """
    if user.is_superuser:
        return list(Locale.objects.values_list("pk", flat=True))
    keys = page.get_ancestors().filter(depth__gt=1).values("translation_key")
    nearest: dict[int, Page] = {}
    for candidate in Page.objects.filter(translation_key__in=keys).order_by("depth").specific():
        nearest[candidate.locale_id] = candidate  # deeper ancestors overwrite shallower ones
    return [
        locale_id
        for locale_id, parent in nearest.items()
        if parent.permissions_for_user(user).can_add_subpage()
    ]


class PageTranslationSubmitView(SubmitPageTranslationView):
    """wagtail-localize's "Translate page", offering only the user's own languages."""

    def get_form(self):
        form = super().get_form()
        allowed = locales_open_to(self.request.user, self.object)
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(pk__in=allowed)
        return form


class SnippetTranslationSubmitView(SubmitSnippetTranslationView):
    """wagtail-localize's "Translate" for snippets, for users who may add that snippet."""

    def dispatch(self, request, *args, **kwargs):
        app_label, model_name = kwargs["app_label"], kwargs["model_name"]
        if not request.user.has_perm(f"{app_label}.add_{model_name}"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
