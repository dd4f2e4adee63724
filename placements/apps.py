from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """Practice placements: twelve weeks at a workplace, followed by three assessment conversations."""

    name = "placements"
    verbose_name = _("Practice placements")

    def ready(self) -> None:
        # A person's placements are part of their personal data export.
        from lms.privacy import register_export_section
        from placements.privacy import placements_export

        register_export_section("placements", placements_export)
