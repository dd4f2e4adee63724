"""A refused supervision certificate keeps the participant and period the supervisor chose."""

from __future__ import annotations

import datetime
import re

import pytest

from lms.models import Certificate
from tests.supervision_factories import client_for, make_group, make_session, person

pytestmark = pytest.mark.django_db


def selected_participant(html: str) -> str | None:
    select = re.search(r'<select name="participant"[^>]*>(.*?)</select>', html, re.S).group(1)
    chosen = re.search(r'<option value="(\d+)"[^>]*selected', select)
    return chosen.group(1) if chosen else None


def test_the_choice_survives_a_refusal():
    supervisor = person("anne", "Anne", "Hansen")
    kari = person("kari", "Kari", "Nordmann")
    ola = person("ola", "Ola", "Aas")
    group = make_group("Trondheim", supervisors=[supervisor], participants=[kari, ola])
    make_session(group, datetime.date(2025, 1, 15), 120, topics=("ethics",), present=[kari], absent=[ola])
    client = client_for(supervisor)

    # Ola attended nothing in the period: refused, and the form shows Ola and the period again.
    response = client.post(
        f"/en/supervision/{group.pk}/certificates/",
        {"participant": ola.pk, "start": "2025-01-01", "end": "2025-02-28"},
        follow=True,
    )
    html = response.content.decode()
    assert "nothing to certify" in html
    assert selected_participant(html) == str(ola.pk)
    assert 'value="2025-01-01"' in html and 'value="2025-02-28"' in html
    assert not Certificate.objects.exists()
    # Only once: the next visit starts afresh.
    assert selected_participant(client.get(f"/en/supervision/{group.pk}/").content.decode()) is None
