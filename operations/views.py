"""The task queue in the admin (Reports → Task queue), for superusers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_tasks.base import TaskResultStatus

from operations import task_queue

#: The filter links: URL value, status, label.
FILTERS = {
    "waiting": TaskResultStatus.READY,
    "running": TaskResultStatus.RUNNING,
    "failed": TaskResultStatus.FAILED,
}


def task_queue_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied(_("Only administrators may see the task queue."))
    chosen = request.GET.get("status", "")
    statuses = [FILTERS[chosen]] if chosen in FILTERS else None
    counts = task_queue.counts()
    context = {
        "page_title": _("Task queue"),
        "workers": task_queue.workers(),
        "tasks": task_queue.queued_tasks(statuses),
        "chosen": chosen if statuses else "",
        "filters": [
            ("waiting", _("Waiting"), counts[TaskResultStatus.READY]),
            ("running", _("Running"), counts[TaskResultStatus.RUNNING]),
            ("failed", _("Failed"), counts[TaskResultStatus.FAILED]),
        ],
    }
    return render(request, "operations/task_queue.html", context)
