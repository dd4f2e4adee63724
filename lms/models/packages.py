"""Interactive content: uploaded H5P and SCORM packages, and what each learner leaves in them.

A package is uploaded once, checked and unpacked by ``lms.packages`` into its own
folder in the default storage, and then chosen by lesson blocks. A translated
package (the Swedish SCORM of an English one) points at its original, so a
lesson can pick the one in its reader's language.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def package_storage():
    """The private storage of packages (``STORAGES["packages"]``), never the public media."""
    return storages["packages"]


class PackageKind(models.TextChoices):
    H5P = "h5p", _("H5P")
    SCORM = "scorm", _("SCORM")


class PackageStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be checked")
    CHECKING = "checking", _("Being checked")
    READY = "ready", _("Ready")
    REFUSED = "refused", _("Refused")


class InteractivePackage(models.Model):
    """One uploaded H5P or SCORM package in one language."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("The package in the source language that this one translates."),
    )
    upload = models.FileField(
        _("package file"),
        upload_to="uploads/",
        storage=package_storage,
        validators=[FileExtensionValidator(["h5p", "zip"])],
        help_text=_("An H5P file (.h5p) or a SCORM 1.2 or 2004 package (.zip)."),
    )
    #: Detected from the package's contents, not from the file name.
    kind = models.CharField(_("kind"), max_length=10, choices=PackageKind.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PackageStatus.choices, default=PackageStatus.WAITING
    )
    #: Why it was refused, in words an editor can act on.
    status_message = models.TextField(_("message"), blank=True)
    #: What the checks read from the package; its shape is documented in ``lms.packages``.
    manifest = models.JSONField(_("contents"), default=dict, blank=True, editable=False)
    #: Each new upload is unpacked into a new folder, so learners keep the old one until it is ready.
    revision = models.PositiveIntegerField(default=0, editable=False)
    #: The revision learners get: the newest that became READY. A replacement being checked, or
    #: refused, leaves it (and ``kind``, ``manifest``, the counts) as they were.
    live_revision = models.PositiveIntegerField(null=True, blank=True, editable=False)
    file_count = models.PositiveIntegerField(_("files"), default=0, editable=False)
    total_bytes = models.BigIntegerField(_("unpacked size"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)

    class Meta:
        verbose_name = _("interactive package")
        verbose_name_plural = _("interactive packages")
        ordering = ["title", "language"]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def revision_folder(self, revision: int) -> str:
        """The prefix one revision's files are unpacked under in ``package_storage()``, ending in "/"."""
        return f"content/{self.uuid}/{revision}/"

    @property
    def folder(self) -> str:
        """The folder learners are served from: the live revision's."""
        return self.revision_folder(self.live_revision if self.live_revision is not None else self.revision)

    @property
    def ready(self) -> bool:
        """Whether learners can open it: some revision has become READY."""
        return self.live_revision is not None


class ScormAttempt(models.Model):
    """One attempt of one learner at the SCORM package of one lesson block."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson_key = models.UUIDField(db_index=True)
    #: "interactive:<block id>", the same in every translation of the lesson.
    activity = models.CharField(max_length=255)
    package = models.ForeignKey(InteractivePackage, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: SCORM 2004 sequencing: scorm-again's serialised activity state (current activity, attempt
    #: counts, statuses, global objectives, the order random selection chose), kept across visits.
    sequencing_state = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "activity", "number"], name="one_scorm_attempt_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity} #{self.number}"


class ScormItemState(models.Model):
    """The CMI data of one SCO (item) within one attempt, as last committed."""

    attempt = models.ForeignKey(ScormAttempt, on_delete=models.CASCADE, related_name="items")
    item_identifier = models.CharField(max_length=255)
    cmi = models.JSONField(default=dict)
    completion_status = models.CharField(max_length=20, blank=True)
    success_status = models.CharField(max_length=20, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    #: Sum of the session times committed so far.
    total_time_seconds = models.FloatField(default=0)
    commit_count = models.PositiveIntegerField(default=0)
    last_commit_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item_identifier"], name="one_state_per_scorm_item")
        ]

    def __str__(self) -> str:
        return self.item_identifier


class H5PUserState(models.Model):
    """What H5P saves for a learner to resume (its contentUserData), per lesson block."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson_key = models.UUIDField(db_index=True)
    activity = models.CharField(max_length=255)
    package = models.ForeignKey(InteractivePackage, on_delete=models.CASCADE, related_name="+")
    data_type = models.CharField(max_length=127)
    sub_content_id = models.CharField(max_length=64, blank=True)
    data = models.TextField()
    preload = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "activity", "package", "data_type", "sub_content_id"],
                name="one_h5p_state_per_key",
            )
        ]

    def __str__(self) -> str:
        return self.data_type
