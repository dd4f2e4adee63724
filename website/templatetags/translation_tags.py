from django import template
from wagtail.models import Page

from website.translation_status import SourceUpdate, newer_source

register = template.Library()


@register.simple_tag
def newer_source_of(page) -> SourceUpdate | None:
    """The source page, when ``page`` is a translation older than the source's last published change."""
    if not isinstance(page, Page) or page.pk is None:
        return None
    return newer_source(page)
