"""The SCORM player's sequencing-state endpoint (``lms.scorm_sequencing_state``).

Reached like the commit endpoint: in the player's content session (its token in the URL and
its cookie), with the attempt's signed token; csrf_exempt like it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lms import scorm_sequencing_state
from lms.content.isolation import protect
from lms.content.scorm_views import open_session_attempt
from lms.scorm_cmi import CommitError


@csrf_exempt
@require_POST
def save_state(request: HttpRequest, token: str, attempt_token: str) -> HttpResponse:
    """Store where the attempt stands in its sequencing: ``{"result": true, "recorded": <statements>}``,
    or 4xx with ``error``."""
    try:
        attempt, lesson = open_session_attempt(request, token, attempt_token)
        with translation.override(lesson.locale.language_code):
            stored = scorm_sequencing_state.read_state_body(request.body, attempt.package.manifest)
            recorded = scorm_sequencing_state.save(attempt, lesson, stored)
    except CommitError as error:
        return protect(JsonResponse({"result": False, "error": str(error)}, status=error.status), request)
    return protect(JsonResponse({"result": True, "recorded": recorded}), request)
