"""Two school contacts with a student each, their practice supervisors, and someone unrelated."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from placements.models import Placement
from tests.placement_factories import make_placement, person, school_contact


@dataclass
class Placements:
    contact_a: object
    contact_b: object
    anna: object
    bo: object
    supervisor_s: object
    supervisor_t: object
    outsider: object
    anna_placement: Placement
    bo_placement: Placement


@pytest.fixture
def world(db) -> Placements:
    contact_a = school_contact("contact_a", "Karin", "Aune")
    contact_b = school_contact("contact_b", "Lars", "Berg")
    anna, bo = person("anna", "Anna", "Aalto"), person("bo", "Bo", "Bergström")
    supervisor_s, supervisor_t = person("mirabel", "Mirabel", "Nguyen"), person("tobias", "Tobias", "Lund")
    return Placements(
        contact_a=contact_a,
        contact_b=contact_b,
        anna=anna,
        bo=bo,
        supervisor_s=supervisor_s,
        supervisor_t=supervisor_t,
        outsider=person("outsider", "Olga", "Ots"),
        anna_placement=make_placement(anna, supervisor_s, contact_a, workplace="Aktivitetssenteret 31B"),
        bo_placement=make_placement(bo, supervisor_t, contact_b, workplace="Familiestøtte Lillestrøm"),
    )
