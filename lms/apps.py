from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Courses, enrolment and progress (built in its own issue)."""

    name = "lms"
    verbose_name = _("Learning")
