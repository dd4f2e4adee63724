"""The learning record (append-only statements) and each learner's state per lesson.

Only ``lms.progress.record`` writes these: every adapter (page views, videos,
knowledge checks, H5P, SCORM, the API) goes through it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


#: Order in which a lesson's status may only move forwards.
STATUS_ORDER = {ProgressStatus.NOT_STARTED: 0, ProgressStatus.IN_PROGRESS: 1, ProgressStatus.COMPLETED: 2}


class SuccessStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Not assessed")
    FAILED = "failed", _("Failed")
    PASSED = "passed", _("Passed")


class LearningStatementQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The learning record is append-only; statements are never changed.")


class LearningStatement(models.Model):
    """One xAPI-shaped statement, stored as received. Never changed, only erased with its learner."""

    statement_id = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statements")
    verb = models.CharField(max_length=255)
    lesson_key = models.UUIDField(db_index=True)
    course_key = models.UUIDField(db_index=True)
    #: Which part of the lesson: "lesson", "knowledge_check:<block id>", "tracked_video:<block id>", ...
    activity = models.CharField(max_length=255, default="lesson")
    #: The language the learner was reading in when it happened.
    language = models.CharField(max_length=12, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    success = models.BooleanField(null=True, blank=True)
    completion = models.BooleanField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    extensions = models.JSONField(default=dict, blank=True)
    #: Who vouches for it when not the learner (a teacher marking a lesson done).
    authority = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    timestamp = models.DateTimeField(help_text=_("When it happened, as the learner's device said."))
    stored = models.DateTimeField(auto_now_add=True)

    objects = LearningStatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning statement")
        verbose_name_plural = _("learning statements")
        ordering = ["timestamp", "stored"]
        indexes = [models.Index(fields=["user", "timestamp"])]

    def __str__(self) -> str:
        return f"{self.verb.rsplit('/', 1)[-1]} {self.lesson_key}/{self.activity}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The learning record is append-only; statements are never changed.")
        super().save(*args, **kwargs)


class LessonProgress(models.Model):
    """A learner's state in one lesson, in any language: it only ever moves forwards."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress")
    lesson_key = models.UUIDField()
    course_key = models.UUIDField(db_index=True)
    status = models.CharField(
        max_length=12, choices=ProgressStatus.choices, default=ProgressStatus.NOT_STARTED
    )
    success = models.CharField(max_length=8, choices=SuccessStatus.choices, default=SuccessStatus.UNKNOWN)
    best_score = models.FloatField(null=True, blank=True, help_text=_("Best scaled score, 0 to 1."))
    time_spent_seconds = models.FloatField(default=0)
    #: Where to resume, from the most recent statement that carried a position.
    last_position = models.CharField(max_length=255, blank=True)
    last_position_at = models.DateTimeField(null=True, blank=True)
    #: Per-activity facts the completion rules need, e.g. {"tracked_video:<id>": {"watched": 0.8}}.
    activities = models.JSONField(default=dict, blank=True)
    first_activity_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "lesson_key"], name="one_progress_per_lesson")]
        indexes = [models.Index(fields=["course_key", "user"])]

    def __str__(self) -> str:
        return f"{self.lesson_key}: {self.status}"
