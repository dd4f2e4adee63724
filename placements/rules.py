"""What makes a placement or an assessment conversation acceptable, in messages people can act on.

Each function returns ``{field: [messages]}`` (empty when all is well). The ``*_on`` functions
depend on the day (nothing held in the future) and take it as an argument, so tests and
services pass a fixed ``today``; models' ``clean`` runs only the rules that do not.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from placements import schedule
from placements.models import ASSESSMENT_MAX_LENGTH, AssessmentConversation, Placement
from placements.permissions import SCHOOL_CONTACTS_GROUP, is_school_contact, name_of

Problems = dict[str, list[str]]
#: The people of a placement, by field, in the order their problems are reported.
PEOPLE = ("student", "practice_supervisor", "school_contact")
TEXTS = ("assessment", "supervisor_assessment", "student_reflection")


def day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def raise_problems(problems: Problems) -> None:
    if problems:
        raise ValidationError(dict(problems))


def _dates(placement: Placement, problems: defaultdict) -> bool:
    """Check the first and last day; True when both are usable for the rules that follow."""
    start, end = placement.starts_on, placement.ends_on
    if start and start < schedule.EARLIEST_START:
        problems["starts_on"].append(
            _("Check the year of the first day: placements start in %(year)s or later.")
            % {"year": schedule.EARLIEST_START.year}
        )
        return False
    if not (start and end):
        return False
    if end < start:
        problems["ends_on"].append(_("The last day cannot be before the first day."))
        return False
    if placement.other_length_allowed:
        if not schedule.SHORTEST_OTHER_LENGTH <= end - start <= schedule.LONGEST_OTHER_LENGTH:
            problems["ends_on"].append(_("A placement lasts at least one week and at most a year."))
            return False
    elif not schedule.is_twelve_weeks(start, end):
        earliest, latest = schedule.twelve_week_ends(start)
        problems["ends_on"].append(
            _(
                "A practice placement lasts twelve weeks: with this first day, the last day is between "
                "%(earliest)s and %(latest)s. If another length has been agreed, allow it and say why."
            )
            % {"earliest": day(earliest), "latest": day(latest)}
        )
        return False
    return True


def _people(placement: Placement, problems: defaultdict) -> None:
    people = {field: getattr(placement, field) for field in PEOPLE if getattr(placement, f"{field}_id")}
    for field, person in people.items():
        if not person.is_active:
            problems[field].append(_("The account of %(name)s is closed.") % {"name": name_of(person)})
    ids = {field: person.pk for field, person in people.items()}
    if ids.get("student") and ids.get("student") == ids.get("practice_supervisor"):
        problems["practice_supervisor"].append(_("The student cannot be their own practice supervisor."))
    if ids.get("student") and ids.get("student") == ids.get("school_contact"):
        problems["school_contact"].append(_("The student cannot be their own school contact."))
    if ids.get("school_contact") and ids.get("school_contact") == ids.get("practice_supervisor"):
        problems["practice_supervisor"].append(
            _("The practice supervisor and the school contact are two different people.")
        )
    contact = people.get("school_contact")
    if contact and contact.is_active and not is_school_contact(contact):
        problems["school_contact"].append(
            _(
                "%(name)s is not a school contact. "
                "An administrator gives this role with the group “%(group)s”."
            )
            % {"name": name_of(contact), "group": SCHOOL_CONTACTS_GROUP}
        )
    student = people.get("student")
    if student and placement.cohort_id and not placement.cohort.members.filter(pk=student.pk).exists():
        problems["cohort"].append(
            _("%(name)s is not a participant of the cohort %(cohort)s.")
            % {"name": name_of(student), "cohort": placement.cohort.name}
        )


def _overlap_and_held_conversations(placement: Placement, problems: defaultdict) -> None:
    start, end = placement.starts_on, placement.ends_on
    if placement.student_id:
        other = (
            Placement.objects.filter(student_id=placement.student_id, starts_on__lte=end, ends_on__gte=start)
            .exclude(pk=placement.pk)
            .exclude(status=Placement.Status.DISCONTINUED)
            .first()
        )
        if other:
            problems["starts_on"].append(
                _("%(name)s already has a placement from %(start)s to %(end)s.")
                % {
                    "name": name_of(placement.student),
                    "start": day(other.starts_on),
                    "end": day(other.ends_on),
                }
            )
    if placement.pk:
        earliest, latest = schedule.conversation_window(start, end)
        held = placement.conversations.filter(status=AssessmentConversation.Status.HELD).exclude(
            held_on__range=(earliest, latest)
        )
        for conversation in held:
            problems["starts_on"].append(
                _("%(conversation)s: held on %(held)s, which these dates would leave outside the placement.")
                % {"conversation": conversation.get_number_display(), "held": day(conversation.held_on)}
            )


def placement_problems(placement: Placement) -> Problems:
    problems: defaultdict[str, list[str]] = defaultdict(list)
    dates_usable = _dates(placement, problems)
    if placement.other_length_allowed and not placement.other_length_reason.strip():
        problems["other_length_reason"].append(_("Say why another length than twelve weeks is allowed."))
    _people(placement, problems)
    if dates_usable:
        _overlap_and_held_conversations(placement, problems)
    return dict(problems)


def placement_problems_on(placement: Placement, today: date) -> Problems:
    if placement.starts_on and placement.starts_on > today + schedule.LONGEST_PLANNING_AHEAD:
        return {"starts_on": [_("A placement can be planned at most two years ahead.")]}
    return {}


def conversation_problems(conversation: AssessmentConversation) -> Problems:
    problems: defaultdict[str, list[str]] = defaultdict(list)
    placement = conversation.placement if conversation.placement_id else None
    if placement and conversation.pk is None and placement.conversations.count() >= 3:
        problems[NON_FIELD_ERRORS].append(
            _("This placement already has its three assessment conversations: start, midway and final.")
        )
    held = conversation.status == AssessmentConversation.Status.HELD
    if held and not conversation.held_on:
        problems["held_on"].append(_("Give the date the conversation was held."))
    if conversation.held_on and not held:
        problems["held_on"].append(_("Leave the date held empty unless the conversation has been held."))
    if held and not conversation.student_took_part:
        problems["student_took_part"].append(
            _(
                "An assessment conversation is held with the student. If they could not take part, "
                "plan the conversation again or record it as cancelled."
            )
        )
    if conversation.assessment.strip() and not held:
        problems["assessment"].append(_("Write the assessment once the conversation has been held."))
    for field in TEXTS:
        if len(getattr(conversation, field)) > ASSESSMENT_MAX_LENGTH:
            problems[field].append(
                _("Keep the text to %(limit)s characters; this one has %(length)s.")
                % {"limit": ASSESSMENT_MAX_LENGTH, "length": len(getattr(conversation, field))}
            )
    if placement and placement.starts_on and placement.ends_on:
        earliest, latest = schedule.conversation_window(placement.starts_on, placement.ends_on)
        window = {"earliest": day(earliest), "latest": day(latest)}
        for field in ("planned_on", "held_on"):
            value = getattr(conversation, field)
            if value and not earliest <= value <= latest:
                problems[field].append(
                    _(
                        "Choose a day between %(earliest)s and %(latest)s: from two weeks before the "
                        "placement starts to four weeks after it ends."
                    )
                    % window
                )
    return dict(problems)


def conversation_problems_on(conversation: AssessmentConversation, today: date) -> Problems:
    if conversation.held_on and conversation.held_on > today:
        return {"held_on": [_("The date held cannot be in the future.")]}
    return {}
