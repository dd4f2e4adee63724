"""The Content-Security-Policy of site and admin pages (django-csp).

The fixed part of the policy is ``CONTENT_SECURITY_POLICY`` in settings; two parts are
added per request here. The content origin (``CONTENT_ORIGIN``) goes into frame-src when
it is set, read at request time like everything else that depends on it. Wagtail's admin
writes style attributes from its templates and scripts (progress bars, tooltips, the
page preview's size) and inline scripts whose text varies per field (date pickers,
inline panels: wagtailadmin/widgets/date_input.html, panels/inline_panel.html), which
neither a nonce nor a hash can cover, so admin pages allow inline styles and scripts,
and no nonce (a nonce would make browsers ignore 'unsafe-inline'). Site pages allow
neither. Responses that bring their own policy (lms.content's players and
package files) keep it: django-csp never replaces a header a view has set.
"""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"


def policy_additions(request: HttpRequest) -> dict[str, list[str]]:
    """Sources this request's page may use beyond the settings' policy."""
    additions: dict[str, list[str]] = {}
    if settings.CONTENT_ORIGIN:
        additions["frame-src"] = [settings.CONTENT_ORIGIN]
    if request.path_info.startswith(ADMIN_PREFIX):
        additions["style-src"] = [UNSAFE_INLINE]
    return additions


def policy_replacements(request: HttpRequest) -> dict[str, list[str]]:
    """Directives this request's page gets instead of the settings' ones."""
    if request.path_info.startswith(ADMIN_PREFIX):
        return {"script-src": [SELF, UNSAFE_INLINE]}
    return {}


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the per-request additions above."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        # A view's own @csp_update or @csp_replace comes on top of ours.
        if additions := policy_additions(request):
            parts.update = {**additions, **(parts.update or {})}
        if replacements := policy_replacements(request):
            parts.replace = {**replacements, **(parts.replace or {})}
        return parts
