"""A placement past its last day no longer reads "Active" (status display only; the stored status
stays until someone records it completed or discontinued)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import Placement

pytestmark = pytest.mark.django_db


def test_past_its_last_day_it_says_so(client, world):
    placement = world.anna_placement
    assert placement.status == Placement.Status.ACTIVE and placement.ends_on < timezone.localdate()
    client.force_login(world.contact_a)
    html = client.get(reverse("placements:placement", args=[placement.pk])).content.decode()
    assert "Ended 31/03/2025, not yet marked completed" in html
    assert "<dd>Active</dd>" not in html
    overview = client.get(reverse("placements:overview")).content.decode()
    assert "not yet marked completed" in overview


def test_a_running_placement_is_active(world):
    placement = world.anna_placement
    placement.ends_on = timezone.localdate() + timedelta(days=3)
    assert placement.shown_status == "Active"
    placement.ends_on = timezone.localdate()  # the last day itself is still active
    assert placement.shown_status == "Active"
    placement.status = Placement.Status.COMPLETED
    placement.ends_on = timezone.localdate() - timedelta(days=30)
    assert placement.shown_status == "Completed"
