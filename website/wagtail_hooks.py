"""Admin wiring and page-serving hooks of the website."""

from django.contrib.auth import get_user_model
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from website.admin_choices import PeopleOrTranslationsMultipleChoiceField, PersonOrTranslationChoiceField
from website.admin_views import po_files as po_file_views
from website.admin_views.source_pages import SourcePagesView
from website.admin_views.translation_status import TranslationStatusView
from website.languages import best_translation, is_language
from website.models import GlossaryTerm, PartnerOrganisation
from website.translation_admin import PageTranslationSubmitView, SnippetTranslationSubmitView
from website.translation_flow import (
    UpdateTranslationsView,
    best_real_translation,
    is_untranslated_alias,
    refuse_publishing_unfinished,
)


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    list_display = ["name", "country", "website"]
    list_filter = ["country", "locale"]
    search_fields = ["name"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    list_display = ["term", "other_terms", "locale"]
    list_filter = ["locale"]
    search_fields = ["term"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    #: Shown as one menu item holding the network's shared records.
    menu_label = _("Network")
    menu_icon = "site"
    items = (PartnerOrganisationViewSet, GlossaryTermViewSet)


register_snippet(NetworkViewSetGroup)

# Select lists in admin forms: people by name and e-mail, translated things once (website/admin_choices.py).
register_form_field_override(
    models.ForeignKey, to=get_user_model(), override={"form_class": PersonOrTranslationChoiceField}
)
register_form_field_override(
    models.ForeignKey, to=PartnerOrganisation, override={"form_class": PersonOrTranslationChoiceField}
)
register_form_field_override(
    models.ManyToManyField, override={"form_class": PeopleOrTranslationsMultipleChoiceField}
)


def _may(request, action: str, instance) -> bool:
    policy = policy_registry.get_by_type(type(instance))
    return policy is None or policy.user_has_permission_for_instance(request.user, action, instance)


@hooks.register("before_edit_snippet")
def edit_only_what_the_policy_allows(request, instance):
    """Wagtail's snippet edit view checks the model permission only; ask the instance's policy too.

    Interactive packages are scoped per language (``lms.permissions.PackagePermissionPolicy``).
    """
    return None if _may(request, "change", instance) else permission_denied(request)


@hooks.register("before_delete_snippet")
def delete_only_what_the_policy_allows(request, instances):
    if all(_may(request, "delete", instance) for instance in instances):
        return None
    return permission_denied(request)


@hooks.register("register_admin_urls", order=-1)
def limit_translation_submission_to_own_languages():
    """Take over wagtail-localize's submit URLs (same paths, matched first)."""
    return [
        path("localize/submit/page/<int:page_id>/", PageTranslationSubmitView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SnippetTranslationSubmitView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", UpdateTranslationsView.as_view()),
    ]


@hooks.register("before_edit_page", order=-1)
def publish_translations_only_when_finished(request, page):
    """Before wagtail-localize's own hook, which serves the translation editor's publish."""
    return refuse_publishing_unfinished(request, page)


@hooks.register("register_admin_urls", order=-1)
def translation_workflow_urls():
    """The status report, and PO download/upload in place of wagtail-localize's (same paths)."""
    return [
        path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name="translation_status_results",
        ),
        path("translations/source/", SourcePagesView.as_view(), name="source_pages"),
        path("translations/source/<int:page_id>/", SourcePagesView.as_view(), name="source_pages_page"),
        path("localize/translate/<int:translation_id>/pofile/download/", po_file_views.download_po),
        path("localize/translate/<int:translation_id>/pofile/upload/", po_file_views.upload_po),
    ]


@hooks.register("register_admin_menu_item")
def source_pages_menu_item():
    return MenuItem(
        _("Source pages"),
        reverse("source_pages"),
        name="source-pages",
        icon_name="site",
        order=150,
    )


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translation_status"), name="translation-status", icon_name="globe"
    )


@hooks.register("before_serve_page")
def serve_in_readers_language(page, request, serve_args, serve_kwargs):
    """Send a reader who asked for a language this page is not in along its fallback chain.

    Wagtail serves the source language's page under any prefix that has no
    translation (``/da/...`` shows the English page); when a language earlier in
    the reader's chain has the page, go there instead and say what was asked for.
    """
    wanted = translation.get_language()
    own = page.locale.language_code
    if is_untranslated_alias(page):
        # A parent page wagtail-localize copied as an alias holds the source's text, and Wagtail
        # republishes it with every publication of the source: never serve it under this
        # language's tag; send the reader to a real translation, which says it stands in.
        stand_in = best_real_translation(page, own)
        if stand_in is None:
            raise Http404
        return redirect(f"{stand_in.get_url(request)}?from={own}")
    if wanted == own or not is_language(wanted):
        return None
    best = best_translation(page, wanted)
    if best is None or best.locale_id == page.locale_id:
        return None
    return redirect(f"{best.get_url(request)}?from={wanted}")
