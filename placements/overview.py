"""The school contact's overview: their students' placements, those late on a conversation first.

A conversation is late when its planned day has passed and it has been neither held nor
cancelled, in a placement that is still active. ``today`` is always passed in, so the
overview of any day can be built (and tested) without touching the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from placements.models import AssessmentConversation, Placement


class Show(models.TextChoices):
    """What the overview can be narrowed to."""

    ALL = "all", _("All placements")
    LATE = "late", _("Late on a conversation")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


def is_late(conversation: AssessmentConversation, placement: Placement, today: date) -> bool:
    return (
        placement.status == Placement.Status.ACTIVE
        and conversation.status == AssessmentConversation.Status.PLANNED
        and conversation.planned_on < today
    )


@dataclass
class ConversationState:
    conversation: AssessmentConversation
    late: bool
    days_late: int


@dataclass
class PlacementRow:
    placement: Placement
    conversations: list[ConversationState] = field(default_factory=list)

    @property
    def late(self) -> list[ConversationState]:
        return [state for state in self.conversations if state.late]

    @property
    def next_planned(self) -> ConversationState | None:
        planned = [
            state
            for state in self.conversations
            if state.conversation.status == AssessmentConversation.Status.PLANNED and not state.late
        ]
        return min(planned, key=lambda state: state.conversation.planned_on, default=None)


def row_for(placement: Placement, today: date) -> PlacementRow:
    """One placement's conversations with their late flags (from prefetched conversations)."""
    states = []
    for conversation in sorted(placement.conversations.all(), key=lambda c: c.number):
        late = is_late(conversation, placement, today)
        states.append(
            ConversationState(conversation, late, (today - conversation.planned_on).days if late else 0)
        )
    return PlacementRow(placement, states)


def with_late_flags(placements: QuerySet[Placement], today: date) -> QuerySet[Placement]:
    """Annotate ``is_late`` and ``first_late_on`` (the earliest missed day) in the database."""
    missed = AssessmentConversation.objects.filter(
        placement=OuterRef("pk"), status=AssessmentConversation.Status.PLANNED, planned_on__lt=today
    )
    return placements.annotate(
        is_late=ExpressionWrapper(
            Q(status=Placement.Status.ACTIVE) & Q(Exists(missed)), output_field=BooleanField()
        ),
        first_late_on=Subquery(missed.order_by("planned_on").values("planned_on")[:1]),
    )


def overview_rows(placements: QuerySet[Placement], today: date, show: str = Show.ALL) -> list[PlacementRow]:
    """Late placements first (the longest overdue at the top), then active ones, then the rest."""
    placements = with_late_flags(placements, today)
    if show == Show.LATE:
        placements = placements.filter(is_late=True)
    elif show in (Show.ACTIVE, Show.COMPLETED, Show.DISCONTINUED):
        placements = placements.filter(status=show)
    placements = (
        placements.annotate(
            rank=Case(
                When(is_late=True, then=Value(0)),
                When(status=Placement.Status.ACTIVE, then=Value(1)),
                default=Value(2),
            )
        )
        .order_by("rank", models.F("first_late_on").asc(nulls_last=True), "starts_on", "pk")
        .select_related("student", "practice_supervisor", "school_contact", "cohort")
        .prefetch_related("conversations")
    )
    return [row_for(placement, today) for placement in placements]
