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
"""

from __future__ import annotations

from datetime import timedelta
from http.cookies import Morsel

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms.content.access import (
    LAUNCH_SALT,
    SESSION_COOKIE,
    ContentDenied,
    ContentGrant,
    check_grant,
    session_path,
    session_proof,
)
from lms.content.files import denied
from lms.content.isolation import protect
from lms.models import ContentLaunch, PackageKind

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
