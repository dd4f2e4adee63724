from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Courses, enrolment, progress and interactive content."""

    name = "lms"
    verbose_name = _("Learning")

    def ready(self):
        # The deployment checks (CONTENT_ORIGIN), deleting a package deleting its files wherever
        # it is deleted from, and a package's change making a new content generation.
        from lms import (
            checks,  # noqa: F401
            packages,  # noqa: F401
        )
        from lms.content import choice  # noqa: F401
        from lms.invitations import export as invitations_export
        from lms.privacy import register_export_section

        # Invitations are personal data too: who was asked to join what, and the answer.
        register_export_section("invitations", invitations_export)
