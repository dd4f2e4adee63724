"""The H5P player page and the endpoint where H5P keeps a learner's state (its contentUserData).

Both live in a content session (``lms.content.access``): its token in the URL and its cookie,
which the frame sends from another site's origin or from a sandbox whose origin is "null". The
site's own session cookie never reaches them, so they are csrf_exempt; the session cookie is
``SameSite=None``, but partitioned under our site, so another site cannot send it.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from lms import bounds
from lms.content.access import ContentDenied, GrantedContent, open_session
from lms.content.files import denied
from lms.content.isolation import allow_frame_origin, protect
from lms.content.launch import frame_ticket
from lms.models import H5PUserState, PackageKind
from lms.statements import activity_iri

DATA_TYPE = re.compile(r"^[A-Za-z0-9_.-]{1,127}$")
SUB_CONTENT_ID = re.compile(r"^[A-Za-z0-9_-]{0,64}$")
#: Per cent of the maximum score that passes when the block says nothing (blocks saved before it could).
DEFAULT_PASS_MARK = 100


def _open_h5p(request: HttpRequest, token: str) -> GrantedContent:
    granted = open_session(request, token)
    if granted.package.kind != PackageKind.H5P:
        raise ContentDenied(_("This content is not an H5P exercise."))
    return granted


def embed_type(package) -> str:
    """H5P's own frame inside ours, or none: "div" where the package allows it, and always when sandboxed.

    Our player page is already a frame of its own for one package, so a "div" loses nothing; and in
    a sandbox H5P's nested about:blank frame gets another opaque origin that H5P cannot write into.
    """
    allowed = package.manifest.get("embed_types") or ["div", "iframe"]
    return "div" if "div" in allowed or not settings.CONTENT_ORIGIN else "iframe"


def player_options(request: HttpRequest, token: str, granted: GrantedContent) -> dict:
    """h5p-standalone's options; URLs absolute, since a sandboxed page's own origin is "null"."""
    file_path = reverse("lms_content:file", kwargs={"token": token, "path": "h5p.json"})
    package_url = request.build_absolute_uri(file_path).removesuffix("/h5p.json")
    state_url = request.build_absolute_uri(reverse("lms_content:h5p_user_data", kwargs={"token": token}))
    return {
        "h5pJsonPath": package_url,
        # The package's JSON files need the session cookie, also from a sandbox's "null" origin.
        "assetsRequestFetchOptions": {"credentials": "include"},
        "frameJs": request.build_absolute_uri(static("vendor/h5p-standalone/frame.bundle.js")),
        "frameCss": request.build_absolute_uri(static("vendor/h5p-standalone/styles/h5p.css")),
        # The top-level activity's object id; sub-questions get "?subContentId=…" after it.
        "xAPIObjectIRI": activity_iri(granted.grant.lesson_key, granted.grant.activity),
        "frame": False,
        "copyright": False,
        "export": False,
        "embed": False,
        "icon": False,
        "fullScreen": False,
        "embedType": embed_type(granted.package),
        # h5p-standalone 3.8.2 needs these three together (it crashes with a user and no URL).
        "user": {"name": "Learner", "mail": "learner@nordpeer.invalid"},
        "saveFreq": settings.H5P_SAVE_SECONDS,
        "ajax": {"contentUserDataUrl": f"{state_url}?type=:dataType&sub=:subContentId"},
        # H5P reads a saved state while it starts, before an AJAX answer could arrive: hand it over now.
        "contentUserData": saved_states(granted),
    }


def pass_mark(granted: GrantedContent) -> float:
    """The block's pass mark as a share (0-1]: judges a score the content sent without success."""
    block_id = granted.grant.activity.partition(":")[2]
    for block in granted.lesson.body:
        if block.block_type == "interactive" and block.id == block_id:
            return (block.value.get("pass_mark") or DEFAULT_PASS_MARK) / 100
    return DEFAULT_PASS_MARK / 100


def saved_states(granted: GrantedContent) -> dict:
    """What the learner saved with ``preload``, as H5P core reads it: ``{sub-content id: {type: data}}``."""
    states: dict[str, dict[str, str]] = {}
    saved = H5PUserState.objects.filter(
        user=granted.user,
        lesson_key=granted.grant.lesson_key,
        activity=granted.grant.activity,
        package=granted.package,
        preload=True,
    )
    for state in saved:
        states.setdefault(state.sub_content_id or "0", {})[state.data_type] = state.data
    return states


@require_GET
def player(request: HttpRequest, token: str) -> HttpResponse:
    try:
        granted = _open_h5p(request, token)
    except ContentDenied as error:
        return denied(request, error)
    context = {
        "package": granted.package,
        "options": player_options(request, token, granted),
        "object_iri": activity_iri(granted.grant.lesson_key, granted.grant.activity),
        "pass_mark": pass_mark(granted),
        "frame_ticket": frame_ticket(token),
    }
    response = render(request, "lms/content/h5p_player.html", context)
    return protect(response, request, player=True)


def _json(request: HttpRequest, data: dict, status: int = 200) -> JsonResponse:
    return allow_frame_origin(protect(JsonResponse(data, status=status), request), request)


def _state_key(request: HttpRequest, granted: GrantedContent) -> dict:
    data_type = request.GET.get("type", "")
    sub_content_id = request.GET.get("sub", "")
    if not DATA_TYPE.match(data_type) or not SUB_CONTENT_ID.match(sub_content_id):
        raise Http404("No such state.")
    return {
        "user": granted.user,
        "lesson_key": granted.grant.lesson_key,
        "activity": granted.grant.activity,
        "package": granted.package,
        "data_type": data_type,
        # H5P says 0 for the content itself.
        "sub_content_id": "" if sub_content_id == "0" else sub_content_id,
    }


@csrf_exempt
@require_http_methods(["GET", "POST", "OPTIONS"])
def user_data(request: HttpRequest, token: str) -> HttpResponse:
    """GET: ``{"success": true, "data": <saved string or false>}``. POST ``data``: save it; 0: delete."""
    if request.method == "OPTIONS":
        return allow_frame_origin(protect(HttpResponse(status=204), request), request)
    try:
        granted = _open_h5p(request, token)
    except ContentDenied as error:
        return _json(request, {"success": False, "message": str(error)}, status=403)
    try:
        key = _state_key(request, granted)
    except Http404:
        return _json(request, {"success": False, "message": _("This is not a kind of state H5P saves.")}, 404)
    if request.method == "GET":
        saved = H5PUserState.objects.filter(**key).values_list("data", flat=True).first()
        return _json(request, {"success": True, "data": saved if saved is not None else False})
    data = request.POST.get("data")
    if data is None:
        return _json(request, {"success": False, "message": _("Nothing to save: “data” is missing.")}, 400)
    # Neither database stores a NUL; the same rule as for every outside text (lms.bounds).
    problem = bounds.text_problem(data, "data")
    if problem:
        return _json(request, {"success": False, "message": problem}, 400)
    limit = settings.LMS_H5P_MAX_STATE_BYTES
    if len(data.encode()) > limit:
        message = _("This state is larger than %(limit)s bytes and was not saved.") % {"limit": limit}
        return _json(request, {"success": False, "message": message}, 413)
    with transaction.atomic():
        if data == "0":
            H5PUserState.objects.filter(**key).delete()
        else:
            H5PUserState.objects.update_or_create(
                **key, defaults={"data": data, "preload": request.POST.get("preload") == "1"}
            )
    return _json(request, {"success": True})
