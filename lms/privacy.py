"""A learner's rights over their data: a copy of all of it, and its erasure.

Erasure (carried out by an administrator from the admin) deletes the learner's
statements, lesson progress, enrolments, cohort memberships, xAPI pseudonym and,
last, their user account: nothing personal is kept, and the erasure request itself
keeps only dates, the administrator and how many rows went.

Issued certificates are withdrawn, not deleted: the row loses the holder's name and
its link to the account, so /verify/<code>/ tells anyone holding a copy that the
certificate has been withdrawn, and nothing about the person. The learner keeps the
PDFs they downloaded; the site no longer vouches for them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.certificates import title_in
from lms.models import (
    Certificate,
    CohortMembership,
    CoursePage,
    Enrolment,
    ErasureRequest,
    H5PUserState,
    LearnerPseudonym,
    LearningStatement,
    LessonProgress,
    ScormAttempt,
)
from lms.xapi import export_statements, titles_for
from website.languages import best_value

EXPORT_FORMAT = "nordpeer-learner-data/1"


class ErasureError(Exception):
    """The erasure cannot be carried out; the message says why and what to do."""


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _title(titles: dict, key, language: str) -> str:
    return best_value(titles.get(key, {}), language) or ""


def _enrolments(user, language: str) -> list[dict]:
    enrolments = list(Enrolment.objects.filter(user=user).select_related("cohort").order_by("enrolled_at"))
    titles = titles_for(CoursePage, {enrolment.course_key for enrolment in enrolments})
    return [
        {
            "course_key": str(enrolment.course_key),
            "course": _title(titles, enrolment.course_key, language),
            "source": enrolment.source,
            "cohort": enrolment.cohort.name if enrolment.cohort else None,
            "enrolled_at": _iso(enrolment.enrolled_at),
            "last_activity_at": _iso(enrolment.last_activity_at),
            "completed_at": _iso(enrolment.completed_at),
        }
        for enrolment in enrolments
    ]


def _memberships(user) -> list[dict]:
    memberships = CohortMembership.objects.filter(user=user).select_related("cohort__organisation")
    return [
        {
            "cohort": membership.cohort.name,
            "organisation": str(membership.cohort.organisation) if membership.cohort.organisation else None,
            "starts_on": _iso(membership.cohort.starts_on),
            "ends_on": _iso(membership.cohort.ends_on),
            "joined_at": _iso(membership.joined_at),
        }
        for membership in memberships.order_by("joined_at")
    ]


def _progress(user) -> list[dict]:
    fields = [
        "lesson_key", "course_key", "status", "success", "best_score", "time_spent_seconds",
        "last_position", "activities", "first_activity_at", "last_activity_at", "completed_at",
    ]  # fmt: skip
    rows = LessonProgress.objects.filter(user=user).order_by("first_activity_at", "pk").values(*fields)
    return [
        {name: (_iso(value) if name.endswith("_at") else value) for name, value in row.items()}
        | {"lesson_key": str(row["lesson_key"]), "course_key": str(row["course_key"])}
        for row in rows
    ]


def _certificates(user, language: str) -> list[dict]:
    return [
        {
            "code": certificate.display_code,
            "kind": certificate.kind,
            "title": title_in(certificate, language),
            "name_as_printed": certificate.holder_name,
            "date": _iso(certificate.achieved_on),
            "issued_at": _iso(certificate.issued_at),
            "verify_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("verify:certificate", args=[certificate.display_code]),
        }
        for certificate in Certificate.objects.filter(user=user).order_by("issued_at")
    ]


#: Parts of the export that other apps hold (supervision, placements): name → build(user, language).
EXPORT_SECTIONS: dict[str, Callable[[object, str], object]] = {}


def register_export_section(name: str, build: Callable[[object, str], object]) -> None:
    """Add an app's part to every data export; called from its ``AppConfig.ready``."""
    EXPORT_SECTIONS[name] = build


def _interactive_content(user) -> dict:
    attempts = ScormAttempt.objects.filter(user=user).prefetch_related("items").order_by("started_at")
    return {
        "scorm_attempts": [
            {
                "lesson_key": str(attempt.lesson_key),
                "activity": attempt.activity,
                "number": attempt.number,
                "started_at": _iso(attempt.started_at),
                "finished_at": _iso(attempt.finished_at),
                "items": {item.item_identifier: item.cmi.get("cmi", {}) for item in attempt.items.all()},
            }
            for attempt in attempts
        ],
        "h5p_saved_state": [
            {"lesson_key": str(state.lesson_key), "activity": state.activity, "data": state.data}
            for state in H5PUserState.objects.filter(user=user)
        ],
    }


def export_data(user, language: str) -> dict:
    """Everything the LMS holds about ``user``, course titles in ``language`` where it can."""
    statements = LearningStatement.objects.filter(user=user).order_by("timestamp", "stored")
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(timezone.now()),
        "profile": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "enrolments": _enrolments(user, language),
        "cohorts": _memberships(user),
        "lesson_progress": _progress(user),
        "statements": export_statements(statements),
        "certificates": _certificates(user, language),
        "interactive_content": _interactive_content(user),
        **{name: build(user, language) for name, build in EXPORT_SECTIONS.items()},
        "erasure_requests": [
            {"status": request.status, "requested_at": _iso(request.requested_at)}
            for request in ErasureRequest.objects.filter(user=user)
        ],
    }


def pending_request(user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()


def request_erasure(user) -> tuple[ErasureRequest, bool]:
    """Record the learner's request; ``(request, created)``, the existing one if already waiting."""
    existing = pending_request(user)
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return ErasureRequest.objects.create(user=user), True
    except IntegrityError:
        return pending_request(user), False  # a concurrent click recorded it first


def _count(queryset: QuerySet) -> int:
    """Delete the rows; how many of the queryset's own model went (cascades not counted)."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def carry_out(erasure: ErasureRequest, by) -> dict:
    """Erase the learner's data as described at the top of this module; returns what was erased."""
    if erasure.status != ErasureRequest.Status.PENDING or erasure.user_id is None:
        raise ErasureError(_("This erasure has already been carried out."))
    if by is not None and by.pk == erasure.user_id:
        raise ErasureError(_("You cannot erase your own account. Ask another administrator."))
    with transaction.atomic():
        erasure = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
        if erasure.status != ErasureRequest.Status.PENDING or erasure.user_id is None:
            raise ErasureError(_("This erasure has already been carried out."))
        user = erasure.user
        now = timezone.now()
        summary = {
            "statements": _count(LearningStatement.objects.filter(user=user)),
            "lesson_progress": _count(LessonProgress.objects.filter(user=user)),
            "enrolments": _count(Enrolment.objects.filter(user=user)),
            "cohort_memberships": _count(CohortMembership.objects.filter(user=user)),
            "pseudonyms": _count(LearnerPseudonym.objects.filter(user=user)),
            "certificates_withdrawn": Certificate.objects.filter(user=user).update(
                user=None, holder_name="", withdrawn_at=now
            ),
        }
        ErasureRequest.objects.filter(user=user).exclude(pk=erasure.pk).update(user=None)
        erasure.user = None
        erasure.status = ErasureRequest.Status.CARRIED_OUT
        erasure.carried_out_at = now
        erasure.carried_out_by = by
        erasure.summary = summary
        erasure.save()
        try:
            user.delete()
        except ProtectedError as error:
            # Others' records name them in a role (a placement's school contact, say): those must be
            # handed over first, or the records would lose who is responsible. Nothing is erased.
            kinds = sorted({str(row._meta.verbose_name_plural) for row in error.protected_objects})
            message = _(
                "Others' records still name this person: %(records)s. Hand them over to someone else first."
            )
            raise ErasureError(message % {"records": ", ".join(kinds)}) from None
    return summary
