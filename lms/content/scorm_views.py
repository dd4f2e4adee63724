"""The SCORM player page, its "new attempt" form and the commit endpoint scorm-again posts to.

All live in a content session (``lms.content.access``): its token in the URL and its cookie;
commits also name the attempt with its own signed token, which must be of the session's learner,
lesson block and package. The site's session cookie never reaches them, so they are
csrf_exempt; scorm-again's final commit is a ``navigator.sendBeacon`` (text/plain, no headers),
which carries the session cookie like the others.
The rules live in ``lms.scorm_runtime``; this module turns HTTP into calls and back.
"""

from __future__ import annotations

from contextlib import nullcontext
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import scorm_attempt_token, scorm_lms_rules, scorm_runtime, scorm_sequencing_state
from lms.content.access import ContentDenied, GrantedContent, content_url, open_session, read_session
from lms.content.files import denied
from lms.content.isolation import allow_frame_origin, protect
from lms.models import PackageKind
from lms.scorm_cmi import SCORM_12, CommitError, check_size, read_commit_body
from lms.scorm_navigation import moves_from
from lms.xapi import pseudonyms_for

#: scorm-again commits this many seconds after the SCO last set a value (and on Commit/Terminate).
AUTOCOMMIT_SECONDS = 3
#: The session an asset's launch is recorded under (assets have no session of their own).
ASSET_SESSION = "asset-launch"
RUNTIMES = {"1.2": "vendor/scorm-again/scorm12.min.js", "2004": "vendor/scorm-again/scorm2004.min.js"}


def _open_scorm(request: HttpRequest, token: str) -> GrantedContent:
    granted = open_session(request, token)
    if granted.package.kind != PackageKind.SCORM:
        raise ContentDenied(_("This content is not a SCORM package."))
    return granted


def _launch_url(token: str, launch: str) -> str:
    """The files URL of an item's launch; its parameters stay a query string."""
    path, _mark, query = launch.partition("?")
    url = content_url(reverse("lms_content:file", kwargs={"token": token, "path": path}))
    return f"{url}?{query}" if query else url


def _item_url(token: str, identifier: str) -> str:
    query = urlencode({"item": identifier})
    return f"{reverse('lms_content:scorm_player', kwargs={'token': token})}?{query}"


def _tree(items: list[dict], states: dict, current: str, token: str, manifest: dict) -> list[dict]:
    """The manifest's items as nested entries for the contents list, each with its state.

    An item links only where the learner may choose it (``lms.scorm_navigation``).
    """
    entries = []
    for item in items:
        if item.get("visible") is False:  # hidden from the contents; its children are not
            entries += _tree(item.get("children") or [], states, current, token, manifest)
            continue
        state = states.get(item["identifier"])
        choosable = item.get("launch") and moves_from(manifest, item["identifier"]).choice
        entries.append(
            {
                "title": item.get("title") or item["identifier"],
                "url": _item_url(token, item["identifier"]) if choosable else "",
                "current": item["identifier"] == current,
                "completed": bool(state and state.completion_status == "completed"),
                "success": state.success_status if state else "",
                "children": _tree(item.get("children") or [], states, current, token, manifest),
            }
        )
    return entries


def _render_player(
    request: HttpRequest, token: str, granted: GrantedContent, refusal: str = ""
) -> HttpResponse:
    package, grant, user = granted.package, granted.grant, granted.user
    items = scorm_runtime.scorm_items(package)
    try:
        item = scorm_runtime.find_item(package, request.GET.get("item"))
    except CommitError:
        raise Http404("No such item.") from None
    context = {"package": package, "refusal": refusal, "needs_origin": not settings.CONTENT_ORIGIN}
    try:
        attempt, allowance = scorm_runtime.player_attempt(user, granted.lesson, grant.activity, package)
    except scorm_runtime.AttemptRefused as error:
        context["refusal"] = str(error)
        return protect(
            render(request, "lms/content/scorm_player.html", context, status=409), request, player=True
        )
    standard = package.manifest.get("standard", SCORM_12)
    # SCORM 2004 sequencing delivers the activity its engine chose, whatever the URL asks for.
    item = scorm_sequencing_state.current_item(attempt) or item
    if item.get("scorm_type") == "asset":
        _launch_asset(attempt, granted.lesson, item, standard)
    states = scorm_runtime.item_states(attempt)
    in_session = {"token": token, "attempt_token": scorm_attempt_token.attempt_token(attempt)}
    commit_path = reverse("lms_content:scorm_commit", kwargs=in_session)
    save_path = reverse("lms_content:scorm_sequencing_state", kwargs=in_session)
    moves = moves_from(package.manifest, item["identifier"])
    context.update(
        attempt=attempt,
        item=item,
        tree=_tree(package.manifest.get("items") or [], states, item["identifier"], token, package.manifest)
        if len(items) > 1
        else [],
        previous_url=_item_url(token, moves.previous["identifier"]) if moves.previous else "",
        next_url=_item_url(token, moves.next["identifier"]) if moves.next else "",
        allowance=allowance,
        # A new attempt only once this one has begun, and while the limit allows.
        can_start_new=any(state.commit_count for state in states.values()) and allowance.left != 0,
        runtime=RUNTIMES.get(standard, RUNTIMES[SCORM_12]),
        new_attempt_url=reverse("lms_content:scorm_new_attempt", kwargs={"token": token}),
        player={
            "standard": standard,
            "commitUrl": content_url(commit_path) + "?" + urlencode({"item": item["identifier"]}),
            "launchUrl": _launch_url(token, item["launch"]),
            "cmi": scorm_runtime.start_data(attempt, item, user, _pseudonym(user), states),
            "autocommitSeconds": AUTOCOMMIT_SECONDS,
            "sequencing": scorm_sequencing_state.player_data(
                attempt, item, lambda identifier: _item_url(token, identifier), content_url(save_path)
            ),
            "texts": {
                "confirmNewAttempt": _("Start a new attempt? Your results so far stay recorded."),
                "notSaved": _("Your progress could not be saved:"),
            },
        },
    )
    status = 409 if refusal else 200
    return protect(
        render(request, "lms/content/scorm_player.html", context, status=status), request, player=True
    )


def _pseudonym(user) -> str:
    """The learner's pseudonym, read with them by the grant's check (made on first use)."""
    known = getattr(user, "pseudonym", None)
    return str(known) if known else pseudonyms_for([user.pk])[user.pk]


def _launch_asset(attempt, lesson, item: dict, standard: str) -> None:
    """An asset does not talk to the LMS: opening it completes it (once)."""
    if attempt.finished_at is not None:
        return
    if attempt.items.filter(item_identifier=item["identifier"], completion_status="completed").exists():
        return
    cmi = scorm_lms_rules.asset_launched_cmi(standard)
    scorm_runtime.commit(attempt, lesson, item["identifier"], ASSET_SESSION, cmi, final=True)


@require_GET
def player(request: HttpRequest, token: str) -> HttpResponse:
    try:
        granted = _open_scorm(request, token)
    except ContentDenied as error:
        return denied(request, error)
    with translation.override(granted.package.language):
        return _render_player(request, token, granted)


@csrf_exempt
@require_POST
def new_attempt(request: HttpRequest, token: str) -> HttpResponse:
    """Finish the current attempt and start another; the grant token in the URL is the credential."""
    try:
        granted = _open_scorm(request, token)
    except ContentDenied as error:
        return denied(request, error)
    with translation.override(granted.package.language):
        try:
            scorm_runtime.start_new_attempt(
                granted.user, granted.lesson, granted.grant.activity, granted.package
            )
        except scorm_runtime.AttemptRefused as error:
            return _render_player(request, token, granted, refusal=str(error))
    # 303: the browser follows with a GET (and keeps the frame's #fragment).
    response = HttpResponseRedirect(reverse("lms_content:scorm_player", kwargs={"token": token}))
    response.status_code = 303
    return protect(response, request)


def open_session_attempt(request: HttpRequest, session_token: str, attempt_token: str):
    """The attempt ``attempt_token`` names and its lesson, if it is the session's; CommitError (403) if not.

    The session is checked by its cookie only: ``open_attempt_token`` asks the database the rest.
    """
    grant = _session_grant(request, session_token)
    attempt, lesson = scorm_attempt_token.open_attempt_token(attempt_token)
    _check_session_attempt(grant, attempt)
    return attempt, lesson


def _session_grant(request: HttpRequest, session_token: str):
    try:
        return read_session(request, session_token)
    except ContentDenied as error:
        raise CommitError(str(error), status=403) from None


def _check_session_attempt(grant, attempt) -> None:
    theirs = (attempt.user_id, attempt.lesson_key, attempt.activity, attempt.package.uuid)
    if theirs != (grant.user_id, grant.lesson_key, grant.activity, grant.package_uuid):
        raise CommitError(_("This SCORM link is not valid."), status=403)


def _answer(request: HttpRequest, data: dict, status: int = 200) -> JsonResponse:
    return allow_frame_origin(protect(JsonResponse(data, status=status), request), request)


def _declared_size(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _commit(request: HttpRequest, body: bytes, attempt, lesson, locked) -> scorm_runtime.Committed:
    """The request's CMI committed to ``attempt``; its errors in the lesson's language."""
    limit = settings.LMS_SCORM_MAX_COMMIT_BYTES
    with translation.override(lesson.locale.language_code):
        # An announced oversized body was refused unread; read_commit_body checks the real size.
        check_size(_declared_size(request), limit)
        return scorm_runtime.commit(
            attempt,
            lesson,
            request.GET.get("item"),
            request.GET.get("session", ""),
            read_commit_body(body, limit),
            final=request.GET.get("final") == "true",
            locked=locked,
        )


@csrf_exempt
@require_http_methods(["POST", "OPTIONS"])
def commit(request: HttpRequest, token: str, attempt_token: str) -> HttpResponse:
    """Store a SCO's CMI. Answers ``{"result": true, "errorCode": 0}`` as scorm-again expects;
    on failure ``{"result": false, "errorCode": 101, "error": <why>}`` with a 4xx status."""
    if request.method == "OPTIONS":
        return allow_frame_origin(protect(HttpResponse(status=204), request), request)
    try:
        grant = _session_grant(request, token)
        # Read before any transaction: a slow client holds no lock.
        oversized = _declared_size(request) > settings.LMS_SCORM_MAX_COMMIT_BYTES
        body = b"" if oversized else request.body
        # Where the database locks rows, one transaction from the attempt's query on: that query
        # locks the learner's progress row too. On SQLite a transaction holds the whole database
        # from its start: the attempt is opened before it, and the commit's own stays short.
        locks_rows = connection.features.has_select_for_update
        with transaction.atomic() if locks_rows else nullcontext():
            attempt, lesson, locked = scorm_attempt_token.open_attempt_token_for_commit(
                attempt_token, lock=locks_rows
            )
            _check_session_attempt(grant, attempt)
            committed = _commit(request, body, attempt, lesson, locked)
    except CommitError as error:
        return _answer(request, {"result": False, "errorCode": 101, "error": str(error)}, status=error.status)
    result = committed.result
    return _answer(
        request,
        {
            "result": True,
            "errorCode": 0,
            "recorded": committed.recorded,
            "completed": result.completed,
            "success": result.success,
            "score": result.score,
        },
    )
