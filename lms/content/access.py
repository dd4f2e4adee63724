"""Grants that let one learner open one lesson block's package, and the checks behind them.

A grant reaches the browser in two steps, so that a copied address does not carry a learner:

1. The lesson page puts a *launch* link in its content frame: signed, valid for a minute
   (``LMS_CONTENT_LAUNCH_MAX_AGE``) and opened once (``lms.content.launch``).
2. Opening it starts a *content session*: the player's address then holds the session token,
   and the browser that opened the launch gets a cookie on the content origin that proves it
   holds the session (``session_proof``). Every request under /content/s/<session>/ needs both,
   for ``LMS_CONTENT_GRANT_MAX_AGE``.

Every request also checks again that its learner still may open the lesson (enrolment, not
only login) and that the package belongs to the block: a grant never outlives an enrolment.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from lms.content.choice import live_package
from lms.lesson_access import (
    enrolled_in_course,
    lessons_with_course,
    live_lessons_with_course,
    stored_block_value,
)
from lms.models import InteractivePackage, LearnerPseudonym, LessonPage
from lms.models.courses import course_of
from lms.permissions import can_open_course_content
from website.compiled_query import CompiledQuery
from website.permission_backend import ID_RANGE, active_person

LAUNCH_SALT = "lms.content.launch"
SESSION_SALT = "lms.content.session"
PROOF_SALT = "lms.content.session-proof"
#: The content origin's cookie that proves a browser opened the session in its address.
SESSION_COOKIE = "nordpeer_content"


class ContentDenied(Exception):
    """The grant is forged, expired or no longer valid; the message says which."""


@dataclass(frozen=True)
class ContentGrant:
    user_id: int
    lesson_key: uuid.UUID
    #: "interactive:<block id>", the same in every translation of the lesson.
    activity: str
    package_uuid: uuid.UUID
    #: One per lesson page view: names its launch link (opened once) and the session it starts.
    nonce: str = ""

    def with_nonce(self) -> ContentGrant:
        return replace(self, nonce=secrets.token_hex(16))

    def sign(self, salt: str = SESSION_SALT) -> str:
        payload = [self.user_id, self.lesson_key.hex, self.activity, self.package_uuid.hex, self.nonce]
        return signing.dumps(payload, salt=salt, compress=True)

    def launch_token(self) -> str:
        """The one-use link the lesson page puts in its frame (a fresh nonce each time)."""
        return self.with_nonce().sign(LAUNCH_SALT)

    @classmethod
    def read(cls, token: str, salt: str = SESSION_SALT, max_age: int | None = None) -> ContentGrant:
        try:
            user_id, lesson_key, activity, package_uuid, nonce = signing.loads(
                token, salt=salt, max_age=max_age or settings.LMS_CONTENT_GRANT_MAX_AGE
            )
        except signing.SignatureExpired:
            raise ContentDenied(_("This link has expired: reload the lesson.")) from None
        except (signing.BadSignature, ValueError, TypeError):
            raise ContentDenied(_("This link is not valid.")) from None
        return cls(int(user_id), uuid.UUID(lesson_key), str(activity), uuid.UUID(package_uuid), str(nonce))


def session_proof(session_token: str) -> str:
    """The cookie value that shows a browser started the session ``session_token`` names.

    Only the server can make it (a keyed hash), and it gives it only to the browser that opened
    the launch link, so knowing the session's address is not enough.
    """
    return salted_hmac(PROOF_SALT, session_token, algorithm="sha256").hexdigest()


def session_path(session_token: str) -> str:
    """The path every address of a content session starts with (and its cookie's ``Path``)."""
    return f"/content/s/{session_token}/"


def read_session(request: HttpRequest, session_token: str, *, cookie_needed: bool = True) -> ContentGrant:
    """The grant of the session ``session_token``, if this browser holds its cookie; no database.

    ``cookie_needed=False`` only for what a browser fetches without cookies and that carries
    no learner (web fonts: see ``lms.content.files``).
    """
    grant = ContentGrant.read(session_token)
    proof = request.COOKIES.get(SESSION_COOKIE, "")
    if cookie_needed and not constant_time_compare(proof, session_proof(session_token)):
        raise ContentDenied(
            _(
                "This content opens only in the browser that opened the lesson. "
                "Open the lesson to continue where you left off."
            )
        )
    return grant


@dataclass(frozen=True)
class GrantedContent:
    """What a valid grant opens, checked against the database now."""

    grant: ContentGrant
    user: object
    lesson: LessonPage
    package: InteractivePackage


def open_session(request: HttpRequest, session_token: str, *, cookie_needed: bool = True) -> GrantedContent:
    """``read_session`` and the checks against the database; ``ContentDenied`` if it no longer holds."""
    return check_grant(read_session(request, session_token, cookie_needed=cookie_needed))


def _learner_in_course(user_id: int, course_key: uuid.UUID):
    pseudonym = LearnerPseudonym.objects.filter(user_id=OuterRef("pk")).values("pseudonym")[:1]
    return (
        get_user_model()
        ._default_manager.filter(pk=user_id, is_active=True)
        .annotate(enrolled=enrolled_in_course(OuterRef("pk"), {course_key}), pseudonym=Subquery(pseudonym))
    )


#: Every request of a content session asks it (the player, each package file): compiled once.
_LEARNER_IN_COURSE = CompiledQuery(_learner_in_course, user_id=int, course_key=uuid.UUID)


def learner_and_lessons(user_id: int, lesson_key: uuid.UUID) -> tuple[object | None, list[LessonPage]]:
    """The active learner ``user_id`` and the lesson's live translations with whether they are
    enrolled in its course (``live_lessons_with_course``), in one query for the usual lesson (in one
    course). The learner comes with their pseudonym (``pseudonym``; None before their first)."""
    lessons = lessons_with_course(lesson_key)
    course_keys = {lesson.course_key for lesson in lessons if lesson.course_key is not None}
    if user_id not in ID_RANGE:
        return None, lessons
    if len(course_keys) != 1:
        return active_person(user_id), live_lessons_with_course(lesson_key, user_id)
    found = _LEARNER_IN_COURSE.instances(user_id=user_id, course_key=next(iter(course_keys)))
    learner = found[0] if found else None
    for lesson in lessons:
        lesson.enrolled = learner is not None and learner.enrolled and lesson.course_key is not None
    return learner, lessons


def check_grant(grant: ContentGrant) -> GrantedContent:
    """What ``grant`` opens, if its learner still may open it; raise ``ContentDenied`` otherwise."""
    user, translations = learner_and_lessons(grant.user_id, grant.lesson_key)
    lesson = translations[0] if translations else None
    if user is None or lesson is None or not _may_open(user, lesson):
        raise ContentDenied(_("You no longer have access to this lesson."))
    package = live_package(grant.package_uuid)
    if package is None or not _belongs_to_block(package, grant, translations):
        raise ContentDenied(_("This content is not available."))
    return GrantedContent(grant=grant, user=user, lesson=lesson, package=package)


def chosen_package(lesson: LessonPage, activity: str) -> InteractivePackage | None:
    """The package the editor chose for the block ``activity`` ("interactive:<id>") of ``lesson``."""
    kind, _colon, block_id = activity.partition(":")
    if kind != "interactive":
        return None
    for block in lesson.body:
        if block.block_type == "interactive" and block.id == block_id:
            return block.value.get("package")
    return None


def _may_open(user, lesson: LessonPage) -> bool:
    return lesson.enrolled or can_open_course_content(user, course_of(lesson))


def _belongs_to_block(package: InteractivePackage, grant: ContentGrant, translations: list) -> bool:
    """Whether ``package`` is a language version of what the block chose in some translation.

    From the stored bodies (building the blocks would load every chosen package): the package is
    the one chosen, or it and a chosen one have the same original (``package_family``'s rule; the
    package is ready, having been loaded so). A query only when it is not the chosen one itself.
    """
    chosen_ids = {stored_block_value(lesson, grant.activity).get("package") for lesson in translations}
    chosen_ids.discard(None)
    if package.pk in chosen_ids:
        return True
    originals = {
        translation_of or pk
        for pk, translation_of in InteractivePackage.objects.filter(pk__in=chosen_ids).values_list(
            "pk", "translation_of_id"
        )
    }
    return package.pk in originals or package.translation_of_id in originals


def content_origin() -> str:
    """The origin content URLs start with: ``CONTENT_ORIGIN``, or "" for the site's own."""
    return settings.CONTENT_ORIGIN


def content_url(path: str) -> str:
    """``path`` (an absolute path under /content/) on the origin that serves content."""
    return content_origin() + path
