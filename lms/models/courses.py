"""Courses as translatable pages: a course holds modules, a module holds lessons.

Identity across languages is the page's ``translation_key``: progress, enrolment
and certificates refer to it, so every translation of a course is the same course.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from lms.blocks import LessonBlocks
from website.models.base import PAGE_FIELDS, SitePage


class CompletionRule(models.TextChoices):
    """What completes a lesson. The same rule holds in every translation."""

    VIEWED = "viewed", _("Opening the lesson")
    VIDEO_WATCHED = "video_watched", _("Watching its videos to the given share")
    CHECK_PASSED = "check_passed", _("Passing its knowledge checks")
    LEARNER_MARKS_DONE = "learner_marks_done", _("The learner marks it done")
    TEACHER_MARKS_DONE = "teacher_marks_done", _("A teacher marks it done")
    INTERACTIVE_COMPLETED = "interactive_completed", _("Completing its interactive content")
    INTERACTIVE_PASSED = "interactive_passed", _("Passing its interactive content")


class CoursePage(SitePage):
    """A course: an introduction, its modules, and whether people may enrol themselves."""

    template = "lms/pages/course_page.html"

    summary = models.TextField(_("summary"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("Anyone signed in may enrol. Otherwise teachers enrol people through cohorts."),
    )
    self_registration = models.BooleanField(
        _("open for registration"),
        default=False,
        help_text=_(
            "People without an account may register on the course page with their e-mail address; "
            "they confirm it through an e-mailed link. Needs self-enrolment."
        ),
    )
    certificate = models.BooleanField(
        _("certificate on completion"),
        default=True,
        help_text=_("Participants who complete every required lesson get a certificate."),
    )

    content_panels = [*SitePage.content_panels, "summary", "introduction"]
    settings_panels = [*SitePage.settings_panels, "self_enrolment", "self_registration", "certificate"]
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("introduction"),
        SynchronizedField("self_enrolment", overridable=False),
        SynchronizedField("self_registration", overridable=False),
        SynchronizedField("certificate", overridable=False),
    ]

    parent_page_types = ["website.HomePage", "website.SectionPage"]
    subpage_types = ["lms.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from lms.views.pages import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(self, request))
        return context


class ModulePage(SitePage):
    """A part of a course; may require the module before it to be completed first."""

    template = "lms/pages/module_page.html"

    summary = models.TextField(_("summary"), blank=True)
    requires_previous = models.BooleanField(
        _("requires the previous module"),
        default=False,
        help_text=_("Participants must complete the required lessons of the module before this one."),
    )

    content_panels = [*SitePage.content_panels, "summary"]
    settings_panels = [*SitePage.settings_panels, "requires_previous"]
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        SynchronizedField("requires_previous", overridable=False),
    ]

    parent_page_types = ["lms.CoursePage"]
    subpage_types = ["lms.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from lms.views.pages import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(self, request))
        return context


class LessonPage(SitePage):
    """One lesson: learning blocks and the rule that says when it is completed."""

    template = "lms/pages/lesson_page.html"

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(LessonBlocks(), blank=True, verbose_name=_("lesson content"))
    completion_rule = models.CharField(
        _("completed by"), max_length=30, choices=CompletionRule.choices, default=CompletionRule.VIEWED
    )
    video_share = models.PositiveSmallIntegerField(
        _("share of video to watch (%)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("With the video rule: how much of each tracked video must be watched."),
    )
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Required lessons count towards completing the course.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), null=True, blank=True)

    content_panels = [*SitePage.content_panels, "summary", "body"]
    settings_panels = [
        *SitePage.settings_panels,
        "completion_rule",
        "video_share",
        "required",
        "estimated_minutes",
    ]
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("completion_rule", overridable=False),
        SynchronizedField("video_share", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("estimated_minutes", overridable=False),
    ]

    parent_page_types = ["lms.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def clean(self):
        super().clean()
        kinds = {block.block_type for block in self.body}
        if self.completion_rule == CompletionRule.VIDEO_WATCHED and "tracked_video" not in kinds:
            raise ValidationError(
                {"completion_rule": _("The video rule needs at least one tracked video in the lesson.")}
            )
        if self.completion_rule == CompletionRule.CHECK_PASSED and "knowledge_check" not in kinds:
            raise ValidationError(
                {"completion_rule": _("The knowledge check rule needs a knowledge check in the lesson.")}
            )
        interactive_rules = (CompletionRule.INTERACTIVE_COMPLETED, CompletionRule.INTERACTIVE_PASSED)
        if self.completion_rule in interactive_rules and "interactive" not in kinds:
            raise ValidationError(
                {"completion_rule": _("This rule needs an H5P or SCORM block in the lesson.")}
            )

    def activity_ids(self, block_type: str) -> list[str]:
        """Ids of this lesson's blocks of one type; the ids are the same in every translation."""
        return [f"{block_type}:{block.id}" for block in self.body if block.block_type == block_type]

    def serve(self, request, *args, **kwargs):
        from lms.views.pages import serve_lesson

        return serve_lesson(self, request, lambda r: super(LessonPage, self).serve(r, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from lms.views.pages import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request))
        return context


def course_of(page: Page) -> CoursePage | None:
    """The course a module or lesson page belongs to."""
    # With its locale: the outline asks for the course's language first thing.
    return CoursePage.objects.ancestor_of(page, inclusive=True).select_related("locale").first()
