from django import template
from django.conf import settings
from wagtail.models import Page

from website import kept_content
from website.translation_status import SourceUpdate, newer_source

register = template.Library()


@register.simple_tag
def newer_source_of(page, languages=None) -> SourceUpdate | None:
    """The source page, when ``page`` is a translation older than the source's last published change.

    ``languages``: the page's ``PageLanguages``, whose live source page spares looking it up.
    """
    if not isinstance(page, Page) or page.pk is None:
        return None
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None  # the source itself; saves the look-up of the source locale on every source page
    source = getattr(languages, "source", None)
    # The same for every reader until a page or a translation's sync changes: kept per generation.
    return kept_content.for_generation(
        "newer-source", (page.pk, source.pk if source else None), lambda: newer_source(page, source=source)
    )
