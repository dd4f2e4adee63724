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


def _roles(user) -> dict[str, bool]:
    """Which of the header's role links the signed-in person gets: only those that concern them."""
    if not user.is_authenticated:
        return {}
    from lms.models import Certificate, Enrolment
    from lms.permissions import is_teacher
    from placements.permissions import is_coordinator, is_school_contact, placements_visible_to
    from supervision.permissions import groups_of_participant, is_supervisor

    return {
        "teaching": is_teacher(user),
        "supervision": is_supervisor(user) or groups_of_participant(user).exists(),
        "placements": is_school_contact(user) or is_coordinator(user) or placements_visible_to(user).exists(),
        "certificates": Enrolment.objects.filter(user=user).exists()
        or Certificate.objects.filter(user=user).exists(),
    }


def site_chrome(request) -> dict:
    language = translation.get_language()
    home = SimpleLazyObject(lambda: _home(language))
    user = getattr(request, "user", None)
    return {
        "roles": SimpleLazyObject(lambda: _roles(user) if user is not None else {}),
        "home": home,
        "menu": SimpleLazyObject(lambda: list(home.get_children().live().public().in_menu()) if home else []),
        "languages": SimpleLazyObject(lambda: view_languages(request)),
    }
