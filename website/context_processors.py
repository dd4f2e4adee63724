"""The site's header for pages that are views rather than Wagtail pages (search, learning, ...).

Wagtail pages put their own ``home``, ``menu`` and ``languages`` in the context, which
win over these; the values here are lazy, so page views never pay for them.
"""

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from website.languages import best_value, view_languages


def _home(language: str):
    homes = {p.locale.language_code: p for p in Page.objects.live().filter(depth=2).select_related("locale")}
    return best_value(homes, language)


def site_chrome(request) -> dict:
    language = translation.get_language()
    home = SimpleLazyObject(lambda: _home(language))
    return {
        "home": home,
        "menu": SimpleLazyObject(lambda: list(home.get_children().live().public().in_menu()) if home else []),
        "languages": SimpleLazyObject(lambda: view_languages(request)),
    }
