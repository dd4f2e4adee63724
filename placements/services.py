"""Writing placements and conversations: every rule is checked before anything is written.

Each function works in one transaction on rows it has locked, and raises ``ValidationError``
(``{field: [messages]}``) without changing anything when a rule is broken. Who may call which
function is the views' concern (``placements.permissions``); these only keep the data whole.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from placements import schedule
from placements.models import AssessmentConversation, Placement
from placements.rules import Problems, conversation_problems_on, placement_problems_on, raise_problems

#: What the school contact records about a conversation (the parts are written by their authors).
RECORD_FIELDS = (
    "planned_on",
    "status",
    "held_on",
    "student_took_part",
    "school_contact_took_part",
    "supervisor_took_part",
    "assessment",
)
#: The text each of the other two people writes, by role.
SUPERVISOR_PART = "supervisor_assessment"
STUDENT_PART = "student_reflection"


def _check(instance: Model, problems_today: Problems) -> None:
    """The model's own validation (rules and constraints) plus the rules that depend on the day."""
    problems: Problems = {}
    try:
        instance.full_clean()
    except ValidationError as error:
        problems = {field: list(messages) for field, messages in error.message_dict.items()}
    for field, messages in problems_today.items():
        problems.setdefault(field, []).extend(messages)
    raise_problems(problems)


def check_placement(placement: Placement, today: date) -> None:
    """Raise if ``placement`` may not be saved as it is; fills in a missing last day first."""
    if placement.starts_on and not placement.ends_on:
        placement.ends_on = schedule.default_end(placement.starts_on)
    _check(placement, placement_problems_on(placement, today))


#: What a placement's form may change; everything else (its conversations, its times) has its own writer.
PLACEMENT_FIELDS = (
    "student",
    "practice_supervisor",
    "school_contact",
    "cohort",
    "workplace",
    "workplace_unit",
    "workplace_address",
    "starts_on",
    "ends_on",
    "other_length_allowed",
    "other_length_reason",
    "status",
)


def save_placement(placement: Placement, *, today: date, fields: Collection[str] | None = None) -> Placement:
    """Create a placement with its three conversations, or save changes to one; returns the row as saved.

    For a change, only ``fields`` (the ones the person changed; all of ``PLACEMENT_FIELDS`` when not
    given) are copied from ``placement`` onto the row as it is now, under a lock, and only they are
    written: someone else who changed another field at the same time keeps their change.

    When the dates change, conversations not yet held move with the first day; one that would
    then fall outside the new dates goes back to its default day. Held ones stay where they
    are, and dates that would leave one outside the placement are refused (see the rules).
    """
    if not placement.pk:
        with transaction.atomic():
            check_placement(placement, today)
            placement.save()
            for number in AssessmentConversation.Number.values:
                add_conversation(placement, number, today=today)
        return placement
    changed = [name for name in PLACEMENT_FIELDS if fields is None or name in fields]
    with transaction.atomic():
        current = Placement.objects.select_for_update().get(pk=placement.pk)
        previous = (current.starts_on, current.ends_on)
        for name in changed:
            setattr(current, name, getattr(placement, name))
        check_placement(current, today)
        if current.ends_on != previous[1] and "ends_on" not in changed:
            changed.append("ends_on")  # a blank last day, filled in from the first
        if changed:
            current.save(update_fields=[*changed, "updated_at"])
        if previous != (current.starts_on, current.ends_on):
            _move_conversations(current, current.starts_on - previous[0])
    return current


def _move_conversations(placement: Placement, shift) -> None:
    earliest, latest = schedule.conversation_window(placement.starts_on, placement.ends_on)
    not_held = placement.conversations.select_for_update().exclude(status=AssessmentConversation.Status.HELD)
    for conversation in not_held:
        moved = conversation.planned_on + shift
        if not earliest <= moved <= latest:
            moved = schedule.default_conversation_date(
                placement.starts_on, placement.ends_on, conversation.number
            )
        # Only this column: the people's texts in the same row are theirs.
        AssessmentConversation.objects.filter(pk=conversation.pk).update(planned_on=moved)


def add_conversation(
    placement: Placement, number: int, planned_on: date | None = None, *, today: date
) -> AssessmentConversation:
    """Plan one of the placement's three conversations (on its default day unless told otherwise)."""
    with transaction.atomic():
        # Lock the placement: two people adding at once would otherwise both see room for one more.
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if planned_on is None and number in AssessmentConversation.Number.values:
            planned_on = schedule.default_conversation_date(placement.starts_on, placement.ends_on, number)
        conversation = AssessmentConversation(placement=placement, number=number, planned_on=planned_on)
        _check(conversation, conversation_problems_on(conversation, today))
        conversation.save()
    return conversation


def _locked(conversation: AssessmentConversation) -> AssessmentConversation:
    return (
        AssessmentConversation.objects.select_for_update().select_related("placement").get(pk=conversation.pk)
    )


def record_conversation(
    conversation: AssessmentConversation, changes: dict, *, today: date
) -> AssessmentConversation:
    """The school contact's record of a conversation: ``changes`` holds some of ``RECORD_FIELDS``."""
    unknown = set(changes) - set(RECORD_FIELDS)
    if unknown:
        raise ValueError(f"Not the school contact's to record: {sorted(unknown)}")
    with transaction.atomic():
        current = _locked(conversation)
        for field, value in changes.items():
            setattr(current, field, value)
        _check(current, conversation_problems_on(current, today))
        current.save(update_fields=[*changes, "updated_at"])
    return current


def write_part(conversation: AssessmentConversation, field: str, text: str) -> AssessmentConversation:
    """The practice supervisor's assessment or the student's reflection on a held conversation."""
    if field not in (SUPERVISOR_PART, STUDENT_PART):
        raise ValueError(f"Not a part someone writes: {field}")
    with transaction.atomic():
        current = _locked(conversation)
        if current.status != AssessmentConversation.Status.HELD:
            raise ValidationError(
                {
                    field: _(
                        "You can write your part once the school contact "
                        "has recorded the conversation as held."
                    )
                }
            )
        setattr(current, field, text)
        _check(current, {})
        current.save(update_fields=[field, "updated_at"])
    return current
