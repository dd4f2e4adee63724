"""Keeping uploaded content from acting as the site: headers for /content/ and the content host.

Two modes. With ``CONTENT_ORIGIN`` set, content runs on that other origin, which has no
session cookie and serves nothing but /content/ and /static/ (``ContentHostMiddleware``);
the site itself then refuses /content/, so nothing uploaded ever runs on the site's origin.
Without it, the site serves /content/ itself and every response carries a CSP ``sandbox``:
the browser gives the content an opaque origin, also when the URL is opened directly.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.utils.cache import patch_vary_headers

#: What content may do in sandbox mode: run scripts, submit forms, open pop-ups and dialogs.
SANDBOX_FLAGS = "allow-scripts allow-forms allow-popups allow-modals"
#: The lesson iframe's sandbox with a content origin: that origin is not the site's.
ORIGIN_FRAME_SANDBOX = f"{SANDBOX_FLAGS} allow-same-origin allow-downloads"
#: The inline script H5P writes into its own frame (H5P.getHeadTags in h5p-standalone 3.8.2).
H5P_FRAME_SCRIPT_HASH = "'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='"
#: URL roots the content host serves; everything else there is a 404.
CONTENT_HOST_ROOTS = ("/content/", "/static/")
SELF = "'self'"
#: An SVG is a picture: no script runs in it even when it is opened directly (sandbox without
#: allow-scripts, script-src 'none'); its styles, images and fonts still load.
SVG_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
    "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; sandbox"
)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_host() -> str:
    """The host (and port) of ``CONTENT_ORIGIN``, lower case; "" when content is sandboxed instead."""
    return urlsplit(settings.CONTENT_ORIGIN).netloc.lower() if settings.CONTENT_ORIGIN else ""


def site_origins() -> list[str]:
    """The origins the site's pages are served from: those that may frame content."""
    origins = [_origin(settings.WAGTAILADMIN_BASE_URL), *map(_origin, settings.CSRF_TRUSTED_ORIGINS)]
    return list(dict.fromkeys(origin for origin in origins if origin))


def lesson_frame_sandbox() -> str:
    """The ``sandbox`` attribute of the lesson's iframe around a player."""
    return ORIGIN_FRAME_SANDBOX if settings.CONTENT_ORIGIN else SANDBOX_FLAGS


def _static_source() -> str:
    """The static files' origin when they live elsewhere (a CDN); "" when they are on 'self'."""
    return _origin(settings.STATIC_URL)


def _request_origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def content_security_policy(request: HttpRequest, *, player: bool) -> str:
    """The CSP of a /content/ response.

    A player page (ours) runs only our scripts and H5P's one inline line. Package files
    are authored elsewhere: their HTML may need inline scripts, so for them the isolation is
    the origin (or sandbox), and the CSP only keeps them from reaching beyond /content/.
    """
    static = _static_source()
    # Other sites an administrator allows content to load from (LMS_CONTENT_EXTERNAL_ORIGINS).
    external = " ".join(settings.LMS_CONTENT_EXTERNAL_ORIGINS)
    own = " ".join(filter(None, ["'self'", static, external]))
    # A path-limited source: in sandbox mode 'self' would include the site's /api/.
    connect = " ".join(filter(None, [f"{_request_origin(request)}/content/", external]))
    scripts = f"{own} {H5P_FRAME_SCRIPT_HASH}" if player else f"{own} 'unsafe-inline' 'unsafe-eval'"
    # With a content origin the site's pages frame it; in sandbox mode the site frames itself.
    # 'self' too: a SCORM player frames the SCO, and packages frame their own pages (content origin).
    ancestors = " ".join(["'self'", *site_origins()]) if settings.CONTENT_ORIGIN else ""
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {own} 'unsafe-inline'",
        f"img-src {own} data: blob:",
        f"font-src {own} data:",
        f"media-src {own} data: blob:",
        f"connect-src {connect}",
        " ".join(filter(None, ["frame-src 'self'", external])),
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors or SELF}",
    ]
    if not settings.CONTENT_ORIGIN:
        directives.append(f"sandbox {SANDBOX_FLAGS}")
    return "; ".join(directives)


def protect(response: HttpResponse, request: HttpRequest, *, player: bool = False) -> HttpResponse:
    """Give a /content/ response its isolation headers (CSP, no sniffing, no referrer, private)."""
    response["Content-Security-Policy"] = content_security_policy(request, player=player)
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers.setdefault("Cache-Control", "private, no-store")
    # frame-ancestors says who may frame it; X-Frame-Options DENY would forbid the lesson too.
    response.xframe_options_exempt = True
    return response


def allow_frame_origin(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    """CORS for the requests a player and its package make to /content/.

    In sandbox mode the frame's origin is "null", so its requests are cross-origin; those that
    need the session cookie go with credentials, which CORS allows only to a named origin: the
    answer names "null". Safe because the cookie is partitioned under the site that framed the
    session: another site framing our content has no cookie to send. Everything else gets
    "*" without credentials (with a content origin, the player's requests are same-origin).
    """
    if request.headers.get("Origin") == "null" and not settings.CONTENT_ORIGIN:
        response["Access-Control-Allow-Origin"] = "null"
        response["Access-Control-Allow-Credentials"] = "true"
    else:
        response["Access-Control-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Origin"])
    response["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
    # X-Requested-With: jQuery (H5P's) adds it, judging the sandboxed frame same-origin by its address.
    response["Access-Control-Allow-Headers"] = "Content-Type, Range, X-Requested-With"
    response["Access-Control-Max-Age"] = "600"
    return response


class ContentHostMiddleware:
    """Keep content and site apart when ``CONTENT_ORIGIN`` is set.

    On the content host only /content/ and /static/ exist, so content never gets a page of
    the site on its origin; on the site's hosts /content/ does not exist, so content never
    runs on the site's origin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        host = content_host()
        if host:
            path = request.path_info
            if request.get_host().lower() == host:
                refused = not path.startswith(CONTENT_HOST_ROOTS)
            else:
                refused = path.startswith("/content/")
            if refused:
                # Plain text: the site's 404 page would bring the site's templates onto this origin.
                return HttpResponseNotFound("Not found.", content_type="text/plain; charset=utf-8")
        return self.get_response(request)
