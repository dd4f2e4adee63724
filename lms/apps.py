from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Courses, enrolment, progress and interactive content."""

    name = "lms"
    verbose_name = _("Learning")

    def ready(self):
        # Deleting a package deletes its unpacked files, from the admin or anywhere else.
        from lms import packages  # noqa: F401
