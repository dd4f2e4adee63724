"""Two supervisors saving one session at once: each keeps the part they changed.

Both open the session's form (read their copy), then both save. ``save_session`` used to
write the caller's whole copy after locking the group, so the later save put back what the
earlier one had changed. On PostgreSQL the two saves run in threads with their own
connections and real transactions; on SQLite they run one after the other from copies read
before either, which is the same lost update without the threads.
"""

from __future__ import annotations

import datetime

import pytest

from supervision.models import Session, Topic
from supervision.sessions import save_session
from tests.concurrency import run_together
from tests.supervision_factories import make_group, make_session, person

DAY = datetime.date(2025, 3, 12)


def form_copy(session: Session) -> Session:
    """The session as a supervisor's form page loads it (topics prefetched, as ``session_of`` does)."""
    return Session.objects.prefetch_related("topics").get(pk=session.pk)


def save_from(copy: Session, by, **changes) -> None:
    """Save the form as the supervisor sends it: every field, with their changes."""
    values = {
        "date": copy.date,
        "starts_at": copy.starts_at,
        "duration_minutes": copy.duration_minutes,
        "place": copy.place,
        "online_link": copy.online_link,
        "topics": list(copy.topics.all()),
        "free_topics": list(copy.free_topics),
    }
    values.update(changes)
    save_session(copy.group, by=by, session=copy, **values)


def two_supervisors():
    anne, katja = person("anne", "Anne", "Hansen"), person("katja", "Katja", "Berg")
    group = make_group("Group A", supervisors=[anne, katja])
    session = make_session(group, DAY, 120, topics=("ethics",))
    return anne, katja, session


def assert_both_kept(session: Session) -> None:
    session.refresh_from_db()
    assert session.place == "Room 2"  # Anne's change
    assert session.duration_minutes == 90  # Katja's change
    assert set(session.topics.values_list("code", flat=True)) == {"ethics", "stigma", "self-care"}


def changes(anne, katja, copy_a: Session, copy_b: Session):
    stigma, self_care = Topic.objects.get(code="stigma"), Topic.objects.get(code="self-care")
    return (
        lambda: save_from(copy_a, anne, place="Room 2", topics=[*copy_a.topics.all(), stigma]),
        lambda: save_from(copy_b, katja, duration_minutes=90, topics=[*copy_b.topics.all(), self_care]),
    )


@pytest.mark.django_db
def test_saves_from_copies_read_before_either_keep_both_parts():
    anne, katja, session = two_supervisors()
    copy_a, copy_b = form_copy(session), form_copy(session)
    first, second = changes(anne, katja, copy_a, copy_b)
    first()
    second()
    assert_both_kept(session)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres_only
def test_two_supervisors_saving_at_once_both_keep_their_part():
    anne, katja, session = two_supervisors()
    for _round in range(3):
        Session.objects.filter(pk=session.pk).update(place="", duration_minutes=120)
        session.topics.set(Topic.objects.filter(code="ethics"))
        copy_a, copy_b = form_copy(session), form_copy(session)
        assert run_together(list(changes(anne, katja, copy_a, copy_b))) == []
        assert_both_kept(session)


@pytest.mark.django_db
def test_an_unchanged_form_changes_nothing():
    anne, _katja, session = two_supervisors()
    stale = form_copy(session)
    Session.objects.filter(pk=session.pk).update(place="Room 9")
    save_from(stale, anne)
    session.refresh_from_db()
    assert session.place == "Room 9"
