"""Opening a lesson frame's launch link: once, and only the browser that opens it gets the session.

The launch link lives a minute and its nonce is recorded when it is opened (``ContentLaunch``), so
a copy of it opens nothing. Opening it answers with a redirect to the player at the session's
address and sets the cookie that proves this browser holds the session:

- ``HttpOnly``: no script, the package's least of all, can read it.
- ``Secure; SameSite=None``: the content is framed by the site's pages, another site when
  ``CONTENT_ORIGIN`` is set and an opaque origin in sandbox mode; browsers send such a cookie to a
  frame only with ``SameSite=None``, which they accept only with ``Secure``. Chromium and Firefox
  also accept ``Secure`` cookies from http://localhost and http://127.0.0.1 (a secure context),
  so the test servers and ``make run`` work over plain http; any other host needs https.
- ``Partitioned`` (CHIPS): kept under the site that frames it, so it works where third-party
  cookies are blocked, and no other site that frames our content gets it sent along.
- ``Path=/content/s/<session>/``: each frame's session has its own cookie, so two lessons open
  in two tabs do not overwrite each other's, and each request carries only its own.

Sandbox mode needs the cookie twice. Chromium keys a partitioned cookie also by whether the frame
has a cross-site ancestor: the frame's own navigations (the launch, the player page) count as
same-site with the lesson, but the requests of the sandboxed page, whose origin is opaque, count as
cross-site, so the cookie set by the launch is not sent with them. The player page therefore
carries a one-use *frame ticket* (in its HTML, never in a URL, and only ever sent to the browser
holding the session) that its script trades for the same cookie with a request of its own
(``frame_cookie``), before the package loads anything.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from http.cookies import Morsel

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from lms.content.access import (
    LAUNCH_SALT,
    SESSION_COOKIE,
    ContentDenied,
    ContentGrant,
    check_grant,
    read_session,
    session_path,
    session_proof,
)
from lms.content.files import denied
from lms.content.isolation import allow_frame_origin, protect
from lms.models import ContentLaunch, PackageKind

FRAME_TICKET_SALT = "lms.content.frame-ticket"
#: The player page of each kind of package; each takes the session token.
PLAYERS = {PackageKind.H5P: "lms_content:h5p_player", PackageKind.SCORM: "lms_content:scorm_player"}


class PartitionedMorsel(Morsel):
    """A cookie with the ``Partitioned`` attribute, which Python's ``Morsel`` knows only from 3.14."""

    def OutputString(self, attrs=None) -> str:  # noqa: N802 (Morsel's name)
        return f"{super().OutputString(attrs)}; Partitioned"


def remember_session(response: HttpResponse, session_token: str) -> None:
    """Set the cookie that proves this browser holds ``session_token`` (see the module's notes)."""
    response.set_cookie(
        SESSION_COOKIE,
        session_proof(session_token),
        max_age=settings.LMS_CONTENT_GRANT_MAX_AGE,
        path=session_path(session_token),
        secure=True,
        httponly=True,
        samesite="None",
    )
    plain = response.cookies[SESSION_COOKIE]
    partitioned = PartitionedMorsel()
    partitioned.set(plain.key, plain.value, plain.coded_value)
    partitioned.update(plain)
    response.cookies[SESSION_COOKIE] = partitioned


def mark_opened(nonce: str) -> None:
    """Record that the launch ``nonce`` is used; ``ContentDenied`` if it was already.

    The primary key makes it atomic across processes: of two requests with one link, one insert
    wins. Rows past a launch link's lifetime go first; their links are refused as expired anyway.
    """
    expired = timezone.now() - timedelta(seconds=2 * settings.LMS_CONTENT_LAUNCH_MAX_AGE)
    ContentLaunch.objects.filter(opened_at__lt=expired).delete()
    try:
        with transaction.atomic():
            ContentLaunch.objects.create(nonce=nonce)
    except IntegrityError:
        raise ContentDenied(
            _("This link has already been opened. Reload the lesson to open the content again.")
        ) from None


def launch_url(grant: ContentGrant) -> str:
    """The path of a fresh one-use launch link for ``grant``."""
    return reverse("lms_content:launch", kwargs={"token": grant.launch_token()})


@require_GET
def launch(request: HttpRequest, token: str) -> HttpResponse:
    """Open a launch link: start its content session and go on to the package's player."""
    try:
        grant = ContentGrant.read(token, salt=LAUNCH_SALT, max_age=settings.LMS_CONTENT_LAUNCH_MAX_AGE)
        if not grant.nonce:
            raise ContentDenied(_("This link is not valid."))
        granted = check_grant(grant)
        if granted.package.kind not in PLAYERS:
            raise ContentDenied(_("This content is not available."))
        mark_opened(grant.nonce)
    except ContentDenied as error:
        return denied(request, error)
    session_token = grant.sign()
    # 303 keeps the frame's #fragment (its message channel) on the player's address.
    response = HttpResponseRedirect(reverse(PLAYERS[granted.package.kind], kwargs={"token": session_token}))
    response.status_code = 303
    remember_session(response, session_token)
    return protect(response, request)


def _session_digest(session_token: str) -> str:
    return hashlib.sha256(session_token.encode()).hexdigest()[:32]


def frame_ticket(session_token: str) -> dict | None:
    """What a sandboxed player page needs to get its own requests the session cookie; None when
    content has its own origin (there the launch's cookie serves every request)."""
    if settings.CONTENT_ORIGIN:
        return None
    ticket = signing.dumps([_session_digest(session_token), secrets.token_hex(16)], salt=FRAME_TICKET_SALT)
    return {"url": reverse("lms_content:frame_cookie", kwargs={"token": session_token}), "ticket": ticket}


@csrf_exempt
@require_POST
def frame_cookie(request: HttpRequest, token: str) -> HttpResponse:
    """Trade a player page's one-use frame ticket for the session cookie (sandbox mode, see above)."""
    try:
        read_session(request, token, cookie_needed=False)
        try:
            digest, nonce = signing.loads(
                request.POST.get("ticket", ""),
                salt=FRAME_TICKET_SALT,
                max_age=settings.LMS_CONTENT_LAUNCH_MAX_AGE,
            )
        except (signing.BadSignature, ValueError, TypeError):
            raise ContentDenied(_("This link is not valid.")) from None
        if digest != _session_digest(token):
            raise ContentDenied(_("This link is not valid."))
        mark_opened(f"frame:{nonce}")
    except ContentDenied as error:
        response = JsonResponse({"result": False, "error": str(error)}, status=403)
        return allow_frame_origin(protect(response, request), request)
    response = JsonResponse({"result": True})
    remember_session(response, token)
    return allow_frame_origin(protect(response, request), request)
