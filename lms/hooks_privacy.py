"""Admin wiring of the certificates and privacy area: erasure requests."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from lms.admin_privacy import ErasurePermissionPolicy, erasure_request_viewset
from lms.models import ErasureRequest

register_permission_policy(ErasureRequest, ErasurePermissionPolicy(ErasureRequest))


@hooks.register("register_admin_viewset")
def register_erasure_request_viewset():
    return erasure_request_viewset
