from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The cross-language index of the resource library (built in its own issue)."""

    name = "search"
    verbose_name = _("Search")
