"""Which placements are late on an assessment conversation, on fixed days passed in as ``today``.

Anna's and Bo's placements start on Monday 6 January 2025; their conversations are planned
for 13 January, 10 February and 17 March (weeks 2, 6 and 11).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements import services
from placements.models import Placement
from placements.overview import Show, overview_rows, with_late_flags
from tests.placement_factories import make_placement, person

pytestmark = pytest.mark.django_db


def late_names(rows) -> list[tuple[str, list[int]]]:
    return [(row.placement.student.first_name, [s.conversation.number for s in row.late]) for row in rows]


def hold(placement: Placement, number: int, on: date) -> None:
    conversation = placement.conversations.get(number=number)
    services.record_conversation(conversation, {"status": "held", "held_on": on}, today=on)


def test_the_conversations_are_planned_in_weeks_two_six_and_eleven(world):
    planned = [c.planned_on for c in world.anna_placement.conversations.order_by("number")]
    assert planned == [date(2025, 1, 13), date(2025, 2, 10), date(2025, 3, 17)]
    assert world.anna_placement.ends_on == date(2025, 3, 31)


def test_nothing_is_late_on_the_planned_day_itself(world):
    rows = overview_rows(Placement.objects.all(), date(2025, 1, 13))
    assert all(not row.late for row in rows)


def test_a_conversation_not_held_by_the_day_after_is_late(world):
    rows = overview_rows(Placement.objects.all(), date(2025, 1, 14))
    assert sorted(late_names(rows)) == [("Anna", [1]), ("Bo", [1])]
    assert rows[0].late[0].days_late == 1


def test_held_and_cancelled_conversations_are_not_late(world):
    hold(world.anna_placement, 1, date(2025, 1, 13))
    services.record_conversation(
        world.bo_placement.conversations.get(number=1), {"status": "cancelled"}, today=date(2025, 1, 13)
    )
    assert late_names(overview_rows(Placement.objects.all(), date(2025, 2, 1))) == [("Anna", []), ("Bo", [])]


def test_late_placements_come_first_the_longest_overdue_at_the_top(world):
    hold(world.anna_placement, 1, date(2025, 1, 13))
    carl = make_placement(
        person("carl", "Carl"),
        person("sup_c"),
        world.contact_a,
        starts_on=date(2025, 2, 3),
        workplace="Sagatun",
    )
    rows = overview_rows(Placement.objects.all(), date(2025, 2, 20))
    # Bo missed 13 January, Anna 10 February, Carl 10 February too (planned for week 2 of his).
    assert late_names(rows) == [("Bo", [1, 2]), ("Anna", [2]), ("Carl", [1])]
    assert rows[2].placement == carl


def test_a_placement_no_longer_active_is_not_flagged(world):
    Placement.objects.filter(pk=world.bo_placement.pk).update(status=Placement.Status.DISCONTINUED)
    rows = overview_rows(Placement.objects.all(), date(2025, 4, 1))
    assert late_names(rows) == [("Anna", [1, 2, 3]), ("Bo", [])]


def test_the_database_and_the_rows_agree_on_what_is_late(world):
    hold(world.anna_placement, 1, date(2025, 1, 13))
    today = date(2025, 1, 20)
    in_database = {p.student.first_name: p.is_late for p in with_late_flags(Placement.objects.all(), today)}
    in_rows = {
        row.placement.student.first_name: bool(row.late)
        for row in overview_rows(Placement.objects.all(), today)
    }
    assert in_database == in_rows == {"Anna": False, "Bo": True}


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        (Show.ALL, ["Bo", "Anna"]),
        (Show.LATE, ["Bo"]),
        (Show.ACTIVE, ["Bo", "Anna"]),
        (Show.COMPLETED, []),
    ],
)
def test_the_overview_can_be_narrowed_by_status(world, show, expected):
    hold(world.anna_placement, 1, date(2025, 1, 13))
    rows = overview_rows(Placement.objects.all(), date(2025, 1, 20), show)
    assert [row.placement.student.first_name for row in rows] == expected


def test_the_overview_page_says_in_words_which_placement_is_late(client, world):
    today = timezone.localdate()
    Placement.objects.filter(pk=world.anna_placement.pk).update(status=Placement.Status.COMPLETED)
    make_placement(
        person("dina", "Dina", "Dahl"), person("sup_d"), world.contact_a, starts_on=today - timedelta(days=20)
    )
    client.force_login(world.contact_a)
    html = client.get(reverse("placements:overview")).content.decode()
    assert "1 of 2 placements are late on an assessment conversation." in html
    assert html.count("Late on a conversation</strong>") == 1
    assert "Late: planned for" in html
    assert html.index("Dina Dahl") < html.index("Anna Aalto")
    html = client.get(reverse("placements:overview"), {"show": "late"}).content.decode()
    assert "Dina Dahl" in html
    assert "Anna Aalto" not in html


def test_a_bad_filter_is_reported_and_shows_everything(client, world):
    client.force_login(world.contact_a)
    response = client.get(reverse("placements:overview"), {"show": "everything-please"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "Anna Aalto" in response.content.decode()


def test_the_overview_costs_the_same_queries_for_few_or_many_placements(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            overview_rows(Placement.objects.all(), date(2025, 2, 1))
        return len(captured)

    few = queries()
    for n in range(4):
        make_placement(person(f"s{n}"), person(f"p{n}"), world.contact_a, workplace=f"Unit {n}")
    assert queries() == few == 2
