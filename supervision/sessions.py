"""Recording supervision: sessions, attendance and notes.

Every function here checks everything before it writes and writes in one transaction,
so refused input changes nothing. Sessions of one group are checked for overlaps
under a lock on the group row: two supervisors saving at the same moment cannot both
slip a session into the same hour.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from supervision.models import (
    MAX_SESSION_MINUTES,
    Attendance,
    Session,
    SupervisionGroup,
    SupervisorNote,
    Topic,
)
from supervision.topics import MAX_FREE_TOPIC_LENGTH, MAX_FREE_TOPICS

MAX_NOTE_LENGTH = 5000


def check_duration(minutes: int) -> None:
    if minutes is None or minutes <= 0:
        raise ValidationError(
            {"duration": _("A session lasts longer than zero minutes. Check the duration.")}
        )
    if minutes > MAX_SESSION_MINUTES:
        raise ValidationError(
            {
                "duration": _("A session lasts at most %(hours)s hours. Check the duration.")
                % {"hours": MAX_SESSION_MINUTES // 60}
            }
        )


def check_free_topics(topics: list[str]) -> list[str]:
    """The free topics without blanks; refused when there are too many or one is too long."""
    cleaned = [" ".join(topic.split()) for topic in topics if topic.strip()]
    if len(cleaned) > MAX_FREE_TOPICS:
        raise ValidationError(
            {"free_topics": _("At most %(count)s other topics per session.") % {"count": MAX_FREE_TOPICS}}
        )
    if any(len(topic) > MAX_FREE_TOPIC_LENGTH for topic in cleaned):
        raise ValidationError(
            {
                "free_topics": _("Each other topic is at most %(count)s characters long.")
                % {"count": MAX_FREE_TOPIC_LENGTH}
            }
        )
    return cleaned


def overlapping(group: SupervisionGroup, starts: datetime.datetime, minutes: int, exclude=None):
    """The group's first session that would overlap one from ``starts`` lasting ``minutes``."""
    ends = starts + datetime.timedelta(minutes=minutes)
    # A session is at most eight hours long, so only the neighbouring days can reach into this one.
    window = [starts.date() - datetime.timedelta(days=1), ends.date()]
    nearby = group.sessions.filter(date__range=window).exclude(pk=getattr(exclude, "pk", None))
    return next((other for other in nearby if other.starts < ends and starts < other.ends), None)


def save_session(
    group: SupervisionGroup,
    *,
    by,
    date: datetime.date,
    starts_at: datetime.time,
    duration_minutes: int,
    place: str = "",
    online_link: str = "",
    topics: Iterable[Topic] = (),
    free_topics: list[str] = (),
    session: Session | None = None,
) -> Session:
    """Create (or, given ``session``, change) a session of ``group``; ``ValidationError`` if refused.

    ``session`` is the copy the supervisor's form was made from. A change writes only what differs
    from that copy, onto the row as it is now (locked): a co-supervisor who saved another part of the
    session meanwhile keeps it. Topics likewise: the ones added are added, the ones taken off removed.
    """
    check_duration(duration_minutes)
    free_topics = check_free_topics(list(free_topics))
    wanted = {
        "date": date,
        "starts_at": starts_at,
        "duration_minutes": duration_minutes,
        "place": place,
        "online_link": online_link,
        "free_topics": free_topics,
    }
    topic_ids = {topic.pk for topic in topics}
    # What the supervisor saw (prefetched with the session); read before waiting for the lock.
    seen_topic_ids = {topic.pk for topic in session.topics.all()} if session else set()
    with transaction.atomic():
        SupervisionGroup.objects.select_for_update().get(pk=group.pk)
        current = Session.objects.select_for_update().get(pk=session.pk) if session else None
        changed = [
            name for name, value in wanted.items() if session is None or value != getattr(session, name)
        ]
        target = current or Session(group=group, created_by=by)
        for name in changed:
            setattr(target, name, wanted[name])
        starts = datetime.datetime.combine(target.date, target.starts_at)
        other = overlapping(group, starts, target.duration_minutes, exclude=current)
        if other is not None:
            raise ValidationError(
                _(
                    "This session would overlap the session on %(date)s at %(time)s (%(minutes)s minutes). "
                    "Sessions of one group cannot overlap: check the date, time and duration."
                )
                % {
                    "date": formats.date_format(other.date, "SHORT_DATE_FORMAT"),
                    "time": formats.time_format(other.starts_at, "TIME_FORMAT"),
                    "minutes": other.duration_minutes,
                }
            )
        if current is None:
            target.save()
            target.topics.set(topic_ids)
        else:
            if changed:
                target.save(update_fields=changed)
            target.topics.add(*(topic_ids - seen_topic_ids))
            target.topics.remove(*(seen_topic_ids - topic_ids))
    return target


def record_attendance(session: Session, *, by, statuses: Mapping[int, str]) -> int:
    """Record who was present or absent: ``{user id: "present" | "absent"}``; how many were recorded.

    Refused, with nothing saved, for someone who is not a participant of the group, for an
    unknown status, and for a session that has not happened yet.
    """
    if not statuses:
        raise ValidationError(_("Choose present or absent for at least one participant."))
    if session.date > timezone.localdate():
        raise ValidationError(_("Attendance can be recorded from the day of the session."))
    if set(statuses.values()) - set(Attendance.Status.values):
        raise ValidationError(_("Attendance is either present or absent."))
    members = set(session.group.memberships.values_list("user_id", flat=True))
    strangers = sorted(set(statuses) - members)
    if strangers:
        raise ValidationError(
            _(
                "Attendance is recorded only for participants of this group, and %(count)s of the people "
                "given are not. Nothing was saved."
            )
            % {"count": len(strangers)}
        )
    with transaction.atomic():
        for user_id, status in statuses.items():
            Attendance.objects.update_or_create(
                session=session, user_id=user_id, defaults={"status": status, "recorded_by": by}
            )
    return len(statuses)


def _name_patterns(user) -> set[str]:
    username = user.get_username()
    names = {user.first_name, user.last_name, user.get_full_name(), username, username.split("@", 1)[0]}
    return {name.strip() for name in names if len(name.strip()) >= 2}


def names_in(text: str, group: SupervisionGroup) -> list[str]:
    """The group's participants whose first, last, full or user name ``text`` contains, by full name."""
    found = []
    for membership in group.memberships.select_related("user"):
        person = membership.user
        if any(
            re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE)
            for name in _name_patterns(person)
        ):
            found.append(person.get_full_name() or person.get_username())
    return sorted(found)


def add_note(session: Session, *, author, text: str, names_participant: bool = False) -> SupervisorNote:
    """Add a supervisor's note; by default refused when it names a participant of the group."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note first.")})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {"text": _("A note is at most %(count)s characters long.") % {"count": MAX_NOTE_LENGTH}}
        )
    if not names_participant:
        named = names_in(text, session.group)
        if named:
            raise ValidationError(
                {
                    "text": _(
                        "This note seems to name a participant (%(names)s). Notes name no one by default: "
                        "write “a participant” instead, or tick the box if the name is needed."
                    )
                    % {"names": ", ".join(named)}
                }
            )
    return SupervisorNote.objects.create(
        session=session, author=author, text=text, names_participant=names_participant
    )
