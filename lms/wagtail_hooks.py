"""Admin wiring of the LMS; each area registers its views from its own hooks module."""

from lms import (
    hooks_api,  # noqa: F401
    hooks_dashboard,  # noqa: F401
    hooks_packages,  # noqa: F401
    hooks_privacy,  # noqa: F401
)
