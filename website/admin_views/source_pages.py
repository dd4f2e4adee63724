"""The English source tree, read-only, for every editor: where translations start.

Country editors hold page permissions on their own language's tree only, so
Wagtail's explorer never shows them the source pages they are to translate. This
view lists the source tree (a page and its children) with, for each of the
editor's own languages, the translation's state and the one action they may take:
open their translation, or start one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from website.permissions import editable_languages
from website.translation_admin import locales_open_to
from website.translation_status import source_locale


@dataclass(frozen=True)
class LanguageAction:
    locale: Locale
    #: The translation in this language, if there is one.
    translation: Page | None
    #: Where the editor goes next: their translation's editor, or "Translate"; None if not allowed.
    url: str | None


@dataclass(frozen=True)
class SourceEntry:
    page: Page
    has_children: bool
    actions: list[LanguageAction]


def _entry(page: Page, user, locales: list[Locale]) -> SourceEntry:
    open_to = set(locales_open_to(user, page)) if locales else set()
    translations = {
        translation.locale_id: translation
        for translation in Page.objects.filter(translation_key=page.translation_key, locale__in=locales)
    }
    actions = []
    for locale in locales:
        translation = translations.get(locale.pk)
        if translation is not None:
            url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
        elif locale.pk in open_to:
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            url += "?select_locale=" + locale.language_code
        else:
            url = None
        actions.append(LanguageAction(locale=locale, translation=translation, url=url))
    return SourceEntry(page=page, has_children=page.numchild > 0, actions=actions)


class SourcePagesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "website/admin/source_pages.html"
    page_title = _("Source pages")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page(self) -> Page:
        source = source_locale()
        page_id = self.kwargs.get("page_id")
        pages = Page.objects.filter(locale=source, depth__gte=2)
        page = pages.filter(depth=2).first() if page_id is None else pages.filter(pk=page_id).first()
        if page is None:
            raise Http404
        return page.specific

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        page = self.get_page()
        own = editable_languages(user) - {page.locale.language_code}
        locales = list(Locale.objects.filter(language_code__in=own).order_by("language_code"))
        children = page.get_children().specific()
        context.update(
            page=page,
            ancestors=page.get_ancestors().filter(depth__gte=2),
            current=_entry(page, user, locales),
            children=[_entry(child, user, locales) for child in children],
            locales=locales,
        )
        return context
