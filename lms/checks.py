"""System checks of the LMS's deployment settings (``manage.py check --deploy``)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@register(Tags.security, deploy=True)
def check_content_origin(app_configs, **kwargs):
    """Uploaded H5P/SCORM content must run on an origin that is not the site's and gets no session."""
    if not settings.CONTENT_ORIGIN:
        return [
            Warning(
                "CONTENT_ORIGIN is not set: SCORM packages cannot run, and H5P runs in a sandboxed frame.",
                hint="Set CONTENT_ORIGIN to another host name of this server, e.g. https://content.example.org.",
                id="lms.W001",
            )
        ]
    host = _host(settings.CONTENT_ORIGIN)
    if not host or host == _host(settings.WAGTAILADMIN_BASE_URL):
        return [
            Error(
                "CONTENT_ORIGIN must differ from the site's origin, or uploaded content acts as the site.",
                hint="Give the content a host name of its own, e.g. https://content.example.org.",
                id="lms.E001",
            )
        ]
    cookie_domain = (settings.SESSION_COOKIE_DOMAIN or "").lstrip(".").lower()
    if cookie_domain and (host == cookie_domain or host.endswith("." + cookie_domain)):
        return [
            Error(
                "The session cookie's domain covers CONTENT_ORIGIN: uploaded content would receive it.",
                hint="Leave SESSION_COOKIE_DOMAIN unset, or give the content a domain of its own.",
                id="lms.E002",
            )
        ]
    return []
