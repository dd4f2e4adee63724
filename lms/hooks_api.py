"""Admin wiring of the API helper's area: cohorts with bulk enrolment, and API tokens."""

from django.apps import apps
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from lms.admin_cohorts import CohortPermissionPolicy, cohort_viewset
from lms.models import Cohort

register_permission_policy(Cohort, CohortPermissionPolicy(Cohort))


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return cohort_viewset


@hooks.register("register_admin_viewset")
def register_api_token_viewset():
    """Wagtail's own API token admin (hashed tokens, shown once, revocable); Wagtail registers it
    itself only with wagtail.api.v3 installed, which this site does not need otherwise."""
    if apps.is_installed("wagtail.api.v3"):
        return []
    from wagtail.users.views.api_tokens import APITokenViewSet

    return APITokenViewSet("wagtailusers_api_tokens", url_prefix="api-tokens")
