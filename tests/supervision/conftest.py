"""Two supervision groups, A and B, each with its own supervisor, participants, a session and a note."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from supervision.models import Session, SupervisionGroup, SupervisorNote
from tests.supervision_factories import make_group, make_session, person

#: Words of the notes, to look for wherever a page or file might leak them.
NOTE_A = "Mood in the group was low after the reorganisation"
NOTE_B = "Group B talked long about the waiting list"


@dataclass
class Groups:
    a: SupervisionGroup
    b: SupervisionGroup
    session_a: Session
    session_b: Session
    supervisor_a: object
    co_supervisor_a: object
    supervisor_b: object
    kari: object
    ola: object
    liis: object


@pytest.fixture
def groups(db) -> Groups:
    supervisor_a = person("anne", "Anne", "Hansen")
    co_supervisor_a = person("katja", "Katja", "Berg")
    supervisor_b = person("mikael", "Mikael", "Lind")
    kari = person("kari", "Kari", "Nordmann", language="nb")
    ola = person("ola", "Ola", "Sørensen")
    liis = person("liis", "Liis", "Tamm", language="et")
    a = make_group("Group A", supervisors=[supervisor_a, co_supervisor_a], participants=[kari, ola])
    b = make_group("Group B", supervisors=[supervisor_b], participants=[liis])
    day = datetime.date(2025, 3, 12)
    session_a = make_session(a, day, 120, topics=("ethics",), present=[kari], absent=[ola])
    session_b = make_session(b, day, 90, topics=("stigma",), present=[liis])
    SupervisorNote.objects.create(session=session_a, author=supervisor_a, text=NOTE_A)
    SupervisorNote.objects.create(session=session_b, author=supervisor_b, text=NOTE_B)
    return Groups(a, b, session_a, session_b, supervisor_a, co_supervisor_a, supervisor_b, kari, ola, liis)


def accept_rules(group, user) -> None:
    from supervision.groups import accept_ground_rules

    accept_ground_rules(group, user, group.current_rules().number)
