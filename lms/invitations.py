"""Invitations: the one way a person joins a cohort, and confirms a registration for a course.

A teacher or admin invites (``invite``); the person gets an e-mail in the course's
language with a one-time link that expires (``LMS_INVITATION_DAYS``, default 14).
Someone who has never had a password chooses one there; someone who has signs in and
accepts or declines. Only on acceptance do they become a member of the cohort and
enrolled in its courses (``lms.enrolment.add_to_cohort``), so until then the cohort's
teachers see nothing of their record: only "invited" in the list of invitations.

Inviting answers the same whether or not the address has an account: an address
without one gets an account with no usable password, an address whose account cannot
take part (deactivated, or shared by several accounts) gets no e-mail, and the
inviter is told the same in every case.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.enrolment import add_to_cohort, enrol
from lms.models import Cohort, CoursePage, Enrolment
from lms.models.cohorts import Invitation
from website.languages import in_language, is_language

logger = logging.getLogger(__name__)


class InvitationError(ValueError):
    """The link cannot be used (unknown, used, expired); the message says what to do."""


def lifetime() -> timedelta:
    """How long a link stays valid (setting ``LMS_INVITATION_DAYS``)."""
    return timedelta(days=getattr(settings, "LMS_INVITATION_DAYS", 14))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _default_language(cohort: Cohort | None, course: CoursePage | None = None) -> str:
    """The course's language: the first of the cohort's courses, else the site's default."""
    course = course or (cohort.courses.select_related("locale").first() if cohort else None)
    return course.locale.language_code if course else settings.LANGUAGE_CODE


def account_for(email: str, name: str = "", language: str = ""):
    """``(user, usable)``: the address's account, made without a password when there is none.

    ``usable`` is False where the address cannot be invited (a deactivated account, several
    accounts, or a username that is taken): the caller answers the same and sends nothing.
    """
    model = get_user_model()
    email = email.strip()
    existing = model.objects.annotate(email_lower=Lower("email")).filter(email_lower=email.lower())
    count = existing.count()
    if count:
        user = existing.first()
        return user, count == 1 and user.is_active
    if len(email) > 150 or model.objects.filter(username=email.lower()).exists():
        return None, False
    first, _space, last = name.rpartition(" ") if " " in name else (name, "", "")
    user = model.objects.create_user(
        username=email.lower(), email=email, first_name=first[:150], last_name=last[:150]
    )
    if language and is_language(language):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    return user, True


@dataclass(frozen=True)
class Sent:
    invitation: Invitation
    #: The link, only ever shown in the e-mail (the database keeps its hash).
    url: str


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _hash(token)
    invitation.expires_at = timezone.now() + lifetime()
    return token


def link(token: str, language: str, base_url: str) -> str:
    with translation.override(language):
        return base_url.rstrip("/") + reverse("lms:invitation", args=[token])


def _send_after_commit(invitation: Invitation, token: str, base_url: str) -> Sent:
    """E-mail the link once the invitation is saved for good: no link to a row that was rolled back."""
    url = link(token, invitation.language, base_url)
    transaction.on_commit(lambda: _send(invitation, url))
    return Sent(invitation=invitation, url=url)


def _send(invitation: Invitation, url: str) -> None:
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "url": url,
            "days": lifetime().days,
            "person": invitation.user,
            "new_account": not invitation.user.has_usable_password(),
            "cohort": invitation.cohort,
            "course_titles": course_titles(invitation),
            "inviter": invitation.invited_by.get_full_name() if invitation.invited_by else "",
        }
        subject = render_to_string("lms/invitations/email_subject.txt", context).strip()
        body = render_to_string("lms/invitations/email.txt", context)
    send_mail(subject, body, None, [invitation.user.email])


def course_titles(invitation: Invitation) -> list[str]:
    if invitation.cohort is not None:
        keys = list(invitation.cohort.courses.values_list("translation_key", flat=True))
    else:
        keys = [invitation.course_key]
    pages = in_language(CoursePage.objects.live().filter(translation_key__in=keys), invitation.language)
    return [page.title for page in pages]


def invite(cohort: Cohort, user, *, invited_by=None, language: str = "", base_url: str = "") -> Sent | None:
    """Invite ``user`` into ``cohort`` and e-mail them the link; None if they are already a member.

    A pending invitation is renewed (a new link, a new expiry) rather than doubled.
    """
    if cohort.memberships.filter(user=user).exists():
        return None
    language = language if is_language(language) else _default_language(cohort)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(
                cohort=cohort, user=user, purpose=Invitation.Purpose.COHORT, status=Invitation.Status.PENDING
            )
            .first()
        ) or Invitation(cohort=cohort, user=user, purpose=Invitation.Purpose.COHORT)
        invitation.invited_by = invited_by
        invitation.language = language
        token = _new_token(invitation)
        invitation.save()
    return _send_after_commit(invitation, token, base_url or settings.WAGTAILADMIN_BASE_URL)


def invite_by_email(
    cohort: Cohort, email: str, *, name: str = "", language: str = "", invited_by=None, base_url: str = ""
) -> None:
    """Invite whoever has (or gets) the address: the same outcome for the inviter in every case."""
    user, usable = account_for(email, name, language)
    if not usable:
        # Deactivated, ambiguous or untakeable: nothing is sent, and the inviter is not told why.
        logger.warning("Invitation to cohort %s not sent: the address cannot be invited.", cohort.pk)
        return
    invite(cohort, user, invited_by=invited_by, language=language, base_url=base_url)


def register(course: CoursePage, email: str, *, name: str = "", base_url: str = "") -> None:
    """Self-registration: e-mail a confirmation link. The same answer whether the address is known."""
    user, usable = account_for(email, name, course.locale.language_code)
    if not usable:
        logger.warning("Registration for course %s not sent: the address cannot be invited.", course.pk)
        return
    invitation = Invitation(
        purpose=Invitation.Purpose.REGISTRATION,
        course_key=course.translation_key,
        user=user,
        language=course.locale.language_code,
    )
    token = _new_token(invitation)
    invitation.save()
    _send_after_commit(invitation, token, base_url or settings.WAGTAILADMIN_BASE_URL)


def open_invitation(token: str) -> Invitation:
    """The pending, unexpired invitation of ``token``; ``InvitationError`` otherwise."""
    invitation = (
        Invitation.objects.select_related("user", "cohort").filter(token_hash=_hash(token or "")).first()
    )
    if invitation is None:
        raise InvitationError(_("This invitation link is not valid. Check that you copied all of it."))
    if invitation.status != Invitation.Status.PENDING:
        raise InvitationError(_("This invitation link has already been used."))
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            _("This invitation link has expired. Ask your teacher or course organiser for a new one.")
        )
    return invitation


def _answer(invitation: Invitation, status: str) -> bool:
    """Mark a pending invitation answered; False if another request answered it first."""
    return bool(
        Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
            status=status, answered_at=timezone.now()
        )
    )


def accept(invitation: Invitation) -> uuid.UUID | None:
    """Join the cohort (or enrol in the registered course); the first course's key, for the redirect."""
    with transaction.atomic():
        if not _answer(invitation, Invitation.Status.ACCEPTED):
            raise InvitationError(_("This invitation link has already been used."))
        if invitation.purpose == Invitation.Purpose.REGISTRATION:
            course = CoursePage.objects.filter(translation_key=invitation.course_key).first()
            if course is not None:
                enrol(invitation.user, course, source=Enrolment.Source.SELF)
            return invitation.course_key
        add_to_cohort(invitation.cohort, [invitation.user])
        first = invitation.cohort.courses.first()
        return first.translation_key if first else None


def decline(invitation: Invitation) -> None:
    if not _answer(invitation, Invitation.Status.DECLINED):
        raise InvitationError(_("This invitation link has already been used."))


def pending_invitations(cohort: Cohort):
    """Who is invited and has not answered: what a teacher sees of them (name, address, date)."""
    return (
        Invitation.objects.filter(cohort=cohort, status=Invitation.Status.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def export(user, language: str) -> list[dict]:
    """The person's invitations, for their data export (lms.privacy): what, when, answered how."""
    rows = Invitation.objects.filter(user=user).select_related("cohort").order_by("created_at")
    return [
        {
            "purpose": invitation.purpose,
            "cohort": invitation.cohort.name if invitation.cohort else None,
            "course_key": str(invitation.course_key) if invitation.course_key else None,
            "language": invitation.language,
            "status": invitation.status,
            "sent_at": invitation.created_at.isoformat(),
            "expires_at": invitation.expires_at.isoformat(),
            "answered_at": invitation.answered_at.isoformat() if invitation.answered_at else None,
        }
        for invitation in rows
    ]
