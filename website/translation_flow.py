"""A translation is published only when every one of its strings is translated.

wagtail-localize fills untranslated strings with the source text, so publishing an
unfinished translation put English live under ``/sv/`` with ``lang="sv"``. Here:

* starting a translation makes a draft (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
  = False`` in settings);
* publishing from the translation editor is refused, with the number of strings left,
  while any string is untranslated (``refuse_publishing_unfinished``, a
  ``before_edit_page`` hook);
* "Sync translated pages" with "publish immediately" publishes the finished
  translations of the editor's own languages and leaves the unfinished ones as they
  were (``UpdateTranslationsView``): wagtail-localize saves even a draft by writing
  the page's row, which a live page serves, so no draft is saved for them either.

Where a translation is started below a page not yet translated, wagtail-localize
copies that parent as an *alias* of the source page: live, holding the source's
text, and made live again by Wagtail whenever the source is published. Such a
page is never served under its language: ``before_serve_page`` sends the reader
to the nearest real translation, which says that it stands in
(``is_untranslated_alias``, ``best_real_translation``).

A translation an editor has turned into a manually edited page (wagtail-localize's
"Stop synced translation") is their own text and is published as any page is.
"""

from __future__ import annotations

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import update_translations

from website.languages import best_in_chain, live_translations
from website.permissions import editable_languages


def is_untranslated_alias(page: Page) -> bool:
    """An alias of a page in another language: the source's text under this language's address."""
    if not page.alias_of_id:
        return False
    source_locale = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
    return source_locale is not None and source_locale != page.locale_id


def best_real_translation(page: Page, language_code: str) -> Page | None:
    """The live translation of ``page`` nearest ``language_code`` that is not an untranslated alias."""
    translations = {
        code: candidate
        for code, candidate in live_translations(page).items()
        if not is_untranslated_alias(candidate)
    }
    best = best_in_chain(language_code, translations)
    return translations[best] if best else None


def untranslated_strings(translation: Translation) -> int:
    """How many of the source's strings have no translation (without errors) in the target language."""
    total, translated = translation.get_progress()
    return total - translated


def synced_translation_of(page: Page) -> Translation | None:
    """The enabled wagtail-localize translation that ``page`` is the target of, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def unfinished_message(count: int) -> str:
    return ngettext(
        "%(count)s string is not translated yet. The page stays a draft until every string is "
        "translated, so readers never get untranslated text as their language.",
        "%(count)s strings are not translated yet. The page stays a draft until every string is "
        "translated, so readers never get untranslated text as their language.",
        count,
    ) % {"count": count}


def refuse_publishing_unfinished(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Stop a publish from the translation editor while strings are untranslated."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = synced_translation_of(page)
    if translation is None:
        return None
    missing = untranslated_strings(translation)
    if not missing:
        return None
    # What the translator entered is kept in the translation memory already. No draft is saved:
    # wagtail-localize saves a draft by writing the page row, which is what a live page serves.
    messages.error(request, unfinished_message(missing))
    return redirect("wagtailadmin_pages:edit", page.pk)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages": "publish" publishes only finished translations."""

    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data.get("publish_translations"):
            return super().form_valid(form)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)  # applies the update to every translation, unpublished
        unfinished = 0
        # Each editor publishes only their own languages; the others' translations stay as they were.
        own = editable_languages(self.request.user)
        translations = self.object.translations.filter(enabled=True, target_locale__language_code__in=own)
        for translation in translations.select_related("target_locale"):
            if untranslated_strings(translation):
                # Left as it is: saving even a draft would write the new source text into the
                # live page's row. The translation editor shows the new strings to translate.
                unfinished += 1
                continue
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=True)
        if unfinished:
            messages.warning(
                self.request,
                ngettext(
                    "%(count)s translation has untranslated strings and was not published: "
                    "translate them in the translation editor, then publish.",
                    "%(count)s translations have untranslated strings and were not published: "
                    "translate them in the translation editor, then publish.",
                    unfinished,
                )
                % {"count": unfinished},
            )
        return response
