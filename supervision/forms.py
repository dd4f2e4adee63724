"""Forms of the supervision pages. The rules themselves live in ``supervision.sessions`` and
``supervision.certificates``; these forms only read what people typed."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from supervision.models import Session, SupervisionGroup, Topic
from supervision.sessions import check_duration, check_free_topics


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.name_in(get_language())


class HoursField(forms.DecimalField):
    """Hours as people write them in every partner language: 1.5 or 1,5."""

    def to_python(self, value):
        return super().to_python(value.replace(",", ".") if isinstance(value, str) else value)


class SessionForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(
        label=gettext_lazy("Starts at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    duration = HoursField(
        label=gettext_lazy("Duration (hours)"),
        max_digits=6,
        decimal_places=2,
        help_text=gettext_lazy("For example 2 or 1.5. At most 8 hours."),
        widget=forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "8"}),
    )
    place = forms.CharField(label=gettext_lazy("Place"), max_length=200, required=False)
    online_link = forms.URLField(label=gettext_lazy("Online link"), required=False, assume_scheme="https")
    topics = TopicChoiceField(
        label=gettext_lazy("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    free_topics = forms.CharField(
        label=gettext_lazy("Other topics"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line, as you want them printed on certificates."),
    )

    def __init__(self, *args, session: Session | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        offered = Q(active=True)
        if session is not None:
            # A retired topic stays ticked on the sessions that had it.
            offered |= Q(pk__in=session.topics.values("pk"))
        # In the order of the list in supervision.topics, which the migration created them in.
        self.fields["topics"].queryset = Topic.objects.filter(offered).order_by("pk")

    @classmethod
    def initial_for(cls, group: SupervisionGroup, session: Session | None = None) -> dict:
        if session is None:
            return {"duration": Decimal(group.planned_minutes) / 60, "date": timezone.localdate()}
        return {
            "date": session.date,
            "starts_at": session.starts_at,
            "duration": Decimal(session.duration_minutes) / 60,
            "place": session.place,
            "online_link": session.online_link,
            "topics": list(session.topics.all()),
            "free_topics": "\n".join(session.free_topics),
        }

    def clean_duration(self) -> int:
        """The duration in whole minutes."""
        hours = self.cleaned_data["duration"]
        try:
            minutes = int((hours * 60).to_integral_value())
        except (InvalidOperation, OverflowError) as error:
            raise ValidationError(_("Give the duration in hours, for example 2 or 1.5.")) from error
        try:
            check_duration(minutes)
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        return minutes

    def clean_free_topics(self) -> list[str]:
        try:
            return check_free_topics(self.cleaned_data["free_topics"].splitlines())
        except ValidationError as error:
            raise ValidationError(error.messages) from None


ATTENDANCE_FIELD = re.compile(r"^attendance-(\d+)$")


def read_attendance(data) -> dict[int, str]:
    """``{user id: status}`` from the posted ``attendance-<user id>`` fields, blanks left out."""
    statuses = {}
    for name, value in data.items():
        match = ATTENDANCE_FIELD.match(name)
        if match and value:
            statuses[int(match.group(1))] = value
    return statuses


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Only this group's supervisors see notes. Write them without participants' names."
        ),
    )
    names_participant = forms.BooleanField(
        label=gettext_lazy("This note names a participant on purpose"), required=False
    )


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    @staticmethod
    def initial_for(group: SupervisionGroup) -> dict:
        today = timezone.localdate()
        start = group.starts_on or datetime.date(today.year, 1, 1)
        end = min(group.ends_on, today) if group.ends_on else today
        return {"start": start, "end": end}


class IssueForm(PeriodForm):
    """A supervisor issues (or prints again) a participant's certificate."""

    participant = forms.ModelChoiceField(label=gettext_lazy("Participant"), queryset=None)

    field_order = ["participant", "start", "end"]

    def __init__(self, *args, group: SupervisionGroup, **kwargs):
        super().__init__(*args, **kwargs)
        # Current participants, and former ones who still have attended sessions to certify.
        people = get_user_model().objects.filter(
            Q(supervision_memberships__group=group) | Q(supervision_attendance__session__group=group)
        )
        self.fields["participant"].queryset = people.distinct().order_by(
            "first_name", "last_name", "username"
        )
        self.fields["participant"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
