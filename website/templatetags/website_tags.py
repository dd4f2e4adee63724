from django import template
from wagtail.models import Page

from website.languages import best_translation, translated_name

register = template.Library()


@register.filter
def caption_tracks(video, language: str):
    """A video's caption tracks as (track, is_default) pairs, the reader's language first."""
    return video.caption_tracks(language)


@register.filter
def in_reader_language(page: Page | None, language: str):
    """The live translation of ``page`` a reader of ``language`` should get, or None."""
    if page is None:
        return None
    copies = getattr(page, "reader_copies", {})  # SitePage.get_context looks its body's videos up at once
    if language in copies:
        return copies[language]
    if page.live and page.locale.language_code == language:
        return page  # the reader's own language comes first in every chain: nothing to look up
    best = best_translation(page, language)
    return best.specific if best else None


@register.filter
def language_name(code: str) -> str:
    """The name of a site language in the active language (see ``translated_name``)."""
    return translated_name(code)
