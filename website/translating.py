"""Making a translation through wagtail-localize from translated strings.

The demo content and the tests both translate pages and snippets here, the way
an editor's work in the translation editor ends up: a translation source, a
translation per locale, one StringTranslation per translated segment, then
``save_target``. Strings not given fall back to the source text.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.db.models import Model
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class UnknownSourceString(LookupError):
    """A translation was given for a string the source does not contain."""


@transaction.atomic
def translate(
    instance: Model,
    language_code: str,
    strings: Mapping[str, str],
    *,
    publish: bool = True,
    strict: bool = True,
) -> Model:
    """Translate ``instance`` (a page or a translatable snippet) into ``language_code``.

    ``strings`` maps source text, exactly as wagtail-localize extracts it, to its
    translation. With ``strict``, a key that matches no source string raises
    ``UnknownSourceString`` so a typo cannot leave text silently untranslated.
    Returns the saved translation.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    used = set()
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        used.add(segment.string.data)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    unused = set(strings) - used
    if strict and unused:
        raise UnknownSourceString(
            f"No source string of {instance!r} matches: " + "; ".join(sorted(unused))[:500]
        )
    if isinstance(instance, DraftStateMixin):
        # wagtail-localize publishes on commit; publish here instead, so the translation
        # is live when this function returns, inside a caller's transaction too.
        translation.save_target(publish=False)
        target = instance.get_translation(locale)
        if publish:
            target.get_latest_revision().publish()
            target.refresh_from_db()
        return target
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def source_strings(instance: Model) -> list[str]:
    """The strings wagtail-localize extracts from ``instance``, in order: what a translator sees."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    segments = StringSegment.objects.filter(source=source).select_related("string").order_by("order")
    return [segment.string.data for segment in segments]
