"""The frame a lesson shows an interactive block in: which package, which player, which sandbox."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from lms.content.access import ContentGrant, chosen_package, content_url
from lms.content.choice import package_for_reader
from lms.content.isolation import lesson_frame_sandbox
from lms.content.launch import PLAYERS, launch_url
from lms.models import InteractivePackage, LessonPage
from lms.models.courses import course_of
from lms.permissions import can_open_course_content


@dataclass(frozen=True)
class InteractiveFrame:
    package: InteractivePackage
    #: "interactive:<block id>", as in statements.
    activity: str
    #: The iframe's src: a one-use launch link (``lms.content.launch``) on the content origin; the
    #: fragment tells the player its message channel and its parent's origin.
    src: str
    sandbox: str
    #: The origin the parent accepts the frame's messages from ("null" for a sandboxed frame).
    message_origin: str
    #: A fresh secret per page view that the frame repeats in every message.
    channel: str


def frame_for(
    user, lesson: LessonPage, block_id: str, parent_origin: str = "", *, may_open: bool | None = None
) -> InteractiveFrame | None:
    """The frame for block ``block_id`` of ``lesson`` as ``user`` should see it; None if they cannot.

    ``may_open``: whether ``user`` may open the lesson, when the caller has just checked it.
    """
    if may_open is None:
        may_open = user.is_authenticated and can_open_course_content(user, course_of(lesson))
    if not may_open:
        return None
    activity = f"interactive:{block_id}"
    package = package_for_reader(chosen_package(lesson, activity), lesson.locale.language_code)
    if package is None or package.kind not in PLAYERS:
        return None
    grant = ContentGrant(user.pk, lesson.translation_key, activity, package.uuid)
    channel = secrets.token_urlsafe(16)
    fragment = urlencode({"channel": channel, "parent": parent_origin})
    origin = content_url("")
    return InteractiveFrame(
        package=package,
        activity=activity,
        src=f"{content_url(launch_url(grant))}#{fragment}",
        sandbox=lesson_frame_sandbox(),
        message_origin=origin or "null",
        channel=channel,
    )
