"""The learner's own data: a JSON copy of all of it, and a request to erase it."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from lms import privacy


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that my learning records, enrolments and account will be erased."),
        required=True,
        error_messages={"required": gettext_lazy("Tick the box to confirm that you want your data erased.")},
    )


@login_required
@require_GET
def overview(request):
    return render(request, "lms/privacy/overview.html", {"pending": privacy.pending_request(request.user)})


@login_required
@require_GET
def export(request):
    data = privacy.export_data(request.user, translation.get_language())
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="nordpeer-my-data-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erasure(request):
    """A page that says what erasure means; only a POST with the box ticked records the request."""
    pending = privacy.pending_request(request.user)
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and pending is None and form.is_valid():
        privacy.request_erasure(request.user)
        messages.success(request, _("Your request is recorded. An administrator will erase your data."))
        return redirect("privacy:overview")
    status = 400 if request.method == "POST" and pending is None else 200
    return render(request, "lms/privacy/erasure.html", {"form": form, "pending": pending}, status=status)
