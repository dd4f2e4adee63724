"""The site's forms. They check the shape of what was typed; the rules are the services' to check."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from placements.models import ASSESSMENT_MAX_LENGTH, AssessmentConversation, Placement
from placements.overview import Show


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class AccountEmailField(forms.EmailField):
    """An e-mail address that belongs to exactly one account; cleans to that account."""

    def clean(self, value):
        email = super().clean(value)
        if not email:
            return None
        accounts = list(get_user_model().objects.filter(email__iexact=email)[:2])
        if not accounts:
            raise ValidationError(
                _("No account has this e-mail address. The person needs an account on Nordpeer first.")
            )
        if len(accounts) > 1:
            raise ValidationError(
                _("Several accounts have this e-mail address. Ask an administrator to set up the placement.")
            )
        return accounts[0]


def long_text(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=ASSESSMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class PlacementForm(forms.Form):
    """A school contact sets up or changes a placement of one of their students."""

    student = AccountEmailField(label=_("Student's e-mail address"))
    workplace = forms.CharField(label=_("Workplace"), max_length=200)
    workplace_unit = forms.CharField(
        label=_("Unit or department"),
        max_length=200,
        required=False,
        help_text=_("For example a team or a ward."),
    )
    workplace_address = forms.CharField(label=_("Address"), max_length=300, required=False)
    practice_supervisor = AccountEmailField(
        label=_("Practice supervisor's e-mail address"),
        help_text=_("The person at the workplace who supervises the student. They need an account."),
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=None, required=False, empty_label=_("No cohort")
    )
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for twelve weeks from the first day."),
    )
    other_length_allowed = forms.BooleanField(
        label=_("Another length than twelve weeks is allowed"), required=False
    )
    other_length_reason = forms.CharField(
        label=_("Why another length is allowed"), max_length=300, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Placement.Status.choices, initial=Placement.Status.ACTIVE
    )

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts
        if not cohorts.exists():
            del self.fields["cohort"]

    @classmethod
    def initial_for(cls, placement: Placement) -> dict:
        return {
            "student": placement.student.email,
            "practice_supervisor": placement.practice_supervisor.email,
            "workplace": placement.workplace,
            "workplace_unit": placement.workplace_unit,
            "workplace_address": placement.workplace_address,
            "cohort": placement.cohort_id,
            "starts_on": placement.starts_on,
            "ends_on": placement.ends_on,
            "other_length_allowed": placement.other_length_allowed,
            "other_length_reason": placement.other_length_reason,
            "status": placement.status,
        }

    def apply_to(self, placement: Placement) -> Placement:
        data = self.cleaned_data
        for name in self.fields:
            setattr(placement, name, data[name] if name != "other_length_reason" else data[name].strip())
        return placement


class ConversationForm(forms.Form):
    """The school contact plans a conversation or records how it went."""

    planned_on = forms.DateField(label=_("Planned date"), widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=AssessmentConversation.Status.choices, widget=forms.RadioSelect
    )
    held_on = forms.DateField(
        label=_("Date held"), required=False, widget=DateInput(), help_text=_("Only for a held conversation.")
    )
    student_took_part = forms.BooleanField(label=_("The student took part"), required=False)
    school_contact_took_part = forms.BooleanField(label=_("The school contact took part"), required=False)
    supervisor_took_part = forms.BooleanField(label=_("The practice supervisor took part"), required=False)
    assessment = long_text(_("Your assessment as school contact"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].help_text = _(
            "A short written assessment, at most %(limit)s characters."
        ) % {"limit": ASSESSMENT_MAX_LENGTH}

    @classmethod
    def initial_for(cls, conversation: AssessmentConversation) -> dict:
        return {name: getattr(conversation, name) for name in cls.base_fields}


class PartForm(forms.Form):
    """The practice supervisor's assessment or the student's reflection."""

    text = long_text(_("Your text"))

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].help_text = _("At most %(limit)s characters.") % {"limit": ASSESSMENT_MAX_LENGTH}


class OverviewFilterForm(forms.Form):
    show = forms.ChoiceField(label=_("Show"), choices=Show.choices, required=False)
