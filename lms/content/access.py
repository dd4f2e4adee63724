"""Signed grants that let one learner open one lesson block's package, and the checks behind them.

A grant is made when the lesson page is rendered for a learner who may open it, and
travels in the content URL's path. Every request under /content/ reads it back and
checks again that its learner still may open the lesson (enrolment, not only login)
and that the package belongs to the block: a grant never outlives an enrolment.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.translation import gettext as _

from lms.content.choice import package_family
from lms.lesson_access import live_lessons_with_course
from lms.models import InteractivePackage, LessonPage
from lms.models.courses import course_of
from lms.permissions import can_open_course_content

GRANT_SALT = "lms.content.grant"


class ContentDenied(Exception):
    """The grant is forged, expired or no longer valid; the message says which."""


@dataclass(frozen=True)
class ContentGrant:
    user_id: int
    lesson_key: uuid.UUID
    #: "interactive:<block id>", the same in every translation of the lesson.
    activity: str
    package_uuid: uuid.UUID

    def sign(self) -> str:
        payload = [self.user_id, self.lesson_key.hex, self.activity, self.package_uuid.hex]
        return signing.dumps(payload, salt=GRANT_SALT, compress=True)

    @classmethod
    def read(cls, token: str, max_age: int | None = None) -> ContentGrant:
        try:
            user_id, lesson_key, activity, package_uuid = signing.loads(
                token, salt=GRANT_SALT, max_age=max_age or settings.LMS_CONTENT_GRANT_MAX_AGE
            )
        except signing.SignatureExpired:
            raise ContentDenied(_("This link has expired: reload the lesson.")) from None
        except (signing.BadSignature, ValueError, TypeError):
            raise ContentDenied(_("This link is not valid.")) from None
        return cls(int(user_id), uuid.UUID(lesson_key), str(activity), uuid.UUID(package_uuid))


@dataclass(frozen=True)
class GrantedContent:
    """What a valid grant opens, checked against the database now."""

    grant: ContentGrant
    user: object
    lesson: LessonPage
    package: InteractivePackage


def open_grant(token: str) -> GrantedContent:
    """Read ``token`` and check it still holds; raise ``ContentDenied`` otherwise."""
    grant = ContentGrant.read(token)
    user = get_user_model().objects.filter(pk=grant.user_id, is_active=True).first()
    # The translations with their course and the enrolment in one query (lms.lesson_access).
    translations = live_lessons_with_course(grant.lesson_key, grant.user_id)
    lesson = translations[0] if translations else None
    if user is None or lesson is None or not _may_open(user, lesson):
        raise ContentDenied(_("You no longer have access to this lesson."))
    package = InteractivePackage.objects.filter(uuid=grant.package_uuid, live_revision__isnull=False).first()
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
    """Whether ``package`` is a language version of what the block chose in some translation."""
    for lesson in translations:
        chosen = chosen_package(lesson, grant.activity)
        if chosen is not None and package.pk in {member.pk for member in package_family(chosen)}:
            return True
    return False


def content_origin() -> str:
    """The origin content URLs start with: ``CONTENT_ORIGIN``, or "" for the site's own."""
    return settings.CONTENT_ORIGIN


def content_url(path: str) -> str:
    """``path`` (an absolute path under /content/) on the origin that serves content."""
    return content_origin() + path
