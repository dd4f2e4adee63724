from django import template

from website.languages import native_name

register = template.Library()


@register.filter
def language_native(code: str) -> str:
    """A language's name in that language, as its readers know it."""
    return native_name(code)
