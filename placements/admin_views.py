"""Placements and their conversations in the Wagtail admin, for coordinators (model permissions).

The forms run the same rules as the site (the models' ``clean`` and the rules of the day), and
every save goes through ``placements.services``, which writes only the fields the coordinator
changed onto the row as it is now: a new placement gets its three conversations, changing its
dates moves the conversations not yet held, and a conversation's record is the school contact's
part only. The practice supervisor's assessment and the student's reflection are their own
(``services.write_part``): the admin shows them but does not write them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from placements import services
from placements.models import AssessmentConversation, Placement
from placements.rules import conversation_problems_on, placement_problems_on


class RulesOfTheDayForm(WagtailAdminModelForm):
    """Adds the rules that depend on today's date to the model's own validation."""

    problems_on = staticmethod(lambda instance, today: {})

    def _post_clean(self):
        super()._post_clean()
        for field, problems in self.problems_on(self.instance, timezone.localdate()).items():
            self.add_error(field if field in self.fields else None, problems)


class PlacementAdminForm(RulesOfTheDayForm):
    problems_on = staticmethod(placement_problems_on)


class ConversationAdminForm(RulesOfTheDayForm):
    problems_on = staticmethod(conversation_problems_on)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Their authors' texts; and a conversation, once planned, stays the same one of its placement.
        fixed = [services.SUPERVISOR_PART, services.STUDENT_PART]
        if self.instance.pk:
            fixed += ["placement", "number"]
        for name in fixed:
            if name in self.fields:
                self.fields[name].disabled = True


class RefusalShownInForm:
    """A rule broken by someone else's change since the form was checked is shown in the form."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as refusal:
            problems = refusal.message_dict if hasattr(refusal, "error_dict") else {None: refusal.messages}
            for field, messages in problems.items():
                form.add_error(field if field in form.fields else None, messages)
            return self.form_invalid(form)


class PlacementCreateView(RefusalShownInForm, generic.CreateView):
    def save_instance(self):
        placement = services.save_placement(self.form.instance, today=timezone.localdate())
        log(placement, "wagtail.create", user=self.request.user)
        return placement


class PlacementEditView(RefusalShownInForm, generic.EditView):
    def save_instance(self):
        placement = services.save_placement(
            self.form.instance, today=timezone.localdate(), fields=self.form.changed_data
        )
        log(placement, "wagtail.edit", user=self.request.user)
        return placement


def _record_changes(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.changed_data if name in services.RECORD_FIELDS}


class ConversationCreateView(RefusalShownInForm, generic.CreateView):
    def save_instance(self):
        data, today = self.form.cleaned_data, timezone.localdate()
        conversation = services.add_conversation(
            data["placement"], data["number"], data.get("planned_on"), today=today
        )
        changes = {name: value for name, value in _record_changes(self.form).items() if name != "planned_on"}
        if changes:
            conversation = services.record_conversation(conversation, changes, today=today)
        log(conversation, "wagtail.create", user=self.request.user)
        return conversation


class ConversationEditView(RefusalShownInForm, generic.EditView):
    def save_instance(self):
        conversation = self.form.instance
        changes = _record_changes(self.form)
        if changes:
            conversation = services.record_conversation(conversation, changes, today=timezone.localdate())
        log(conversation, "wagtail.edit", user=self.request.user)
        return conversation


class PlacementViewSet(ModelViewSet):
    model = Placement
    icon = "calendar"
    menu_label = _("Placements")
    add_view_class = PlacementCreateView
    edit_view_class = PlacementEditView
    list_display = [
        "student",
        "workplace",
        "school_contact",
        "starts_on",
        "ends_on",
        Column("shown_status", label=_("Status")),
    ]
    list_filter = ["status"]
    search_fields = ["workplace", "student__first_name", "student__last_name", "student__email"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("student"), FieldPanel("practice_supervisor"), FieldPanel("school_contact")],
                heading=_("People"),
            ),
            MultiFieldPanel(
                [FieldPanel("workplace"), FieldPanel("workplace_unit"), FieldPanel("workplace_address")],
                heading=_("Workplace"),
            ),
            FieldPanel("cohort"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldPanel("other_length_allowed"),
                    FieldPanel("other_length_reason"),
                ],
                heading=_("Dates"),
            ),
            FieldPanel("status"),
        ],
        base_form_class=PlacementAdminForm,
    )


class ConversationViewSet(ModelViewSet):
    model = AssessmentConversation
    icon = "comment"
    menu_label = _("Assessment conversations")
    add_view_class = ConversationCreateView
    edit_view_class = ConversationEditView
    list_display = ["placement", "number", "planned_on", "status", "held_on"]
    list_filter = ["status", "number"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("placement"),
            FieldPanel("number"),
            FieldRowPanel([FieldPanel("planned_on"), FieldPanel("status"), FieldPanel("held_on")]),
            MultiFieldPanel(
                [
                    FieldPanel("student_took_part"),
                    FieldPanel("school_contact_took_part"),
                    FieldPanel("supervisor_took_part"),
                ],
                heading=_("Who took part"),
            ),
            FieldPanel("assessment"),
            FieldPanel("supervisor_assessment"),
            FieldPanel("student_reflection"),
        ],
        base_form_class=ConversationAdminForm,
    )


class PlacementViewSetGroup(ViewSetGroup):
    menu_label = _("Practice placements")
    menu_icon = "calendar"
    menu_order = 260
    items = (
        PlacementViewSet("placement_admin", url_prefix="placements"),
        ConversationViewSet("placement_conversations", url_prefix="placement-conversations"),
    )


placement_viewsets = PlacementViewSetGroup()
