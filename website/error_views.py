"""404, 403 and 500 in the site's own layout and in the language of the URL.

The 404 and 403 pages extend website/base.html like any other view. The 500 page must
render when the database is what failed, so it extends website/errors/minimal_base.html
and is rendered without the request's context processors (no session, user, menu or
Wagtail site lookup), from a template and static names only.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)


def _language(request: HttpRequest) -> str:
    """The URL's language prefix; without one, what LocaleMiddleware chose (the browser's)."""
    return (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # The exception's text is not shown: Django's and Wagtail's own 404s name models in English.
    with translation.override(_language(request)):
        return render(request, "website/errors/404.html", {"request_path": request.path}, status=404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Views raise PermissionDenied(_("...")) with a translated reason the reader should see.
    reason = str(exception) if exception is not None else ""
    with translation.override(_language(request)):
        return render(request, "website/errors/403.html", {"reason": reason}, status=403)


#: Shown if even the 500 template cannot render (a missing static manifest, a broken install).
LAST_RESORT = (
    "<!DOCTYPE html><html lang=en><title>Server error</title>"
    "<h1>Server error</h1><p>Something went wrong on our side. Please try again in a moment.</p>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    language = _language(request)
    try:
        with translation.override(language):
            html = loader.get_template("website/errors/500.html").render({"LANGUAGE_CODE": language})
    except Exception:
        # The error page must not raise: log why it failed and answer with plain HTML.
        logger.exception("The 500 page could not be rendered")
        html = LAST_RESORT
    return HttpResponseServerError(html)
