"""Interactive packages in the Wagtail admin: upload, see each one's check, and what it holds.

Registered as a snippet (``lms/hooks_packages.py``) so lesson blocks can choose packages
with ``SnippetChooserBlock("lms.InteractivePackage")``. Saving a new or replaced file
starts the background check; the list shows every package's status.
"""

from __future__ import annotations

from functools import partial

from django import forms
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from lms.models import InteractivePackage, PackageKind, PackageStatus
from lms.models.packages import package_storage
from lms.package_archive import Limits, PackageRefused, check_upload_size, megabytes
from lms.packages import check_after_commit, prepare_new_upload
from lms.permissions import PackagePermissionPolicy
from website.permissions import editable_languages

#: How the inspect view names each SCORM edition the manifest reader tells apart.
SCORM_VERSION_LABELS = {
    "1.2": gettext_lazy("SCORM 1.2"),
    "2004 2nd edition": gettext_lazy("SCORM 2004, 2nd edition"),
    "2004 3rd edition": gettext_lazy("SCORM 2004, 3rd edition"),
    "2004 4th edition": gettext_lazy("SCORM 2004, 4th edition"),
}


class InteractivePackageForm(WagtailAdminModelForm):
    """Title, language, original and file; a new file is checked in the background after saving."""

    class Meta:
        model = InteractivePackage
        fields = ["title", "language", "translation_of", "upload"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_upload = self.instance.upload.name if self.instance.pk else ""
        originals = InteractivePackage.objects.filter(translation_of__isnull=True)
        if self.instance.pk:
            originals = originals.exclude(pk=self.instance.pk)
        self.fields["translation_of"].queryset = originals
        if self.for_user is not None:
            # A package is in a language whose pages the editor may edit, like a page.
            languages = editable_languages(self.for_user)
            field = self.fields["language"]
            field.choices = [(code, name) for code, name in field.choices if code in languages or not code]
        self.fields["upload"].help_text = _(
            "An H5P file (.h5p) or a SCORM 1.2 or 2004 package (.zip), at most %(max)s MB. "
            "It is checked after saving; the list shows the result."
        ) % {"max": megabytes(Limits.from_settings().upload_bytes)}

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and "upload" in self.changed_data:
            try:
                check_upload_size(upload.size, Limits.from_settings())
            except PackageRefused as refusal:
                raise forms.ValidationError(str(refusal)) from None
        return upload

    def clean(self):
        cleaned = super().clean()
        original = cleaned.get("translation_of")
        if original is not None and original.language == cleaned.get("language"):
            self.add_error(
                "translation_of",
                _("A translation is in another language than its original (%(language)s).")
                % {"language": original.get_language_display()},
            )
        if (
            self.instance.pk
            and InteractivePackage.objects.filter(translation_of=self.instance).exists()
            and original
        ):
            self.add_error(
                "translation_of", _("This package has translations of its own, so it is an original.")
            )
        return cleaned

    def save(self, commit=True):
        new_upload = not self.instance.pk or "upload" in self.changed_data
        if self.instance.pk and commit:
            return self._save_edit(new_upload)
        if new_upload:
            prepare_new_upload(self.instance)
            self.instance.uploaded_by = self.for_user
        package = super().save(commit=commit)
        if commit and new_upload:
            check_after_commit(package)
        return package

    def _save_edit(self, new_upload: bool) -> InteractivePackage:
        """Save an edit by the form's columns only, under a row lock.

        The background check writes status, revision, manifest and counts while the editor
        has the form open: saving back the row read when the request began would undo it.
        """
        package = super().save(commit=False)
        with transaction.atomic():
            current = InteractivePackage.objects.select_for_update().get(pk=package.pk)
            columns = ["title", "language", "translation_of"]
            if new_upload:
                package.revision = current.revision
                prepare_new_upload(package)
                package.uploaded_by = self.for_user
                columns += ["upload", "revision", "status", "status_message", "checked_at", "uploaded_by"]
            package.save(update_fields=columns)
            for name in ("revision", "status", "status_message", "checked_at", "live_revision", "kind"):
                if name not in columns:
                    setattr(package, name, getattr(current, name))
            package.manifest, package.file_count = current.manifest, current.file_count
            package.total_bytes = current.total_bytes
        if new_upload:
            check_after_commit(package)
            if self.previous_upload and self.previous_upload != package.upload.name:
                # The old file is replaced; what was unpacked from it stays until the new one is ready.
                transaction.on_commit(partial(package_storage().delete, self.previous_upload))
        return package


def blocked_origins(package: InteractivePackage) -> list[str]:
    """The other sites the package loads from that the content policy does not allow."""
    allowed = set(settings.LMS_CONTENT_EXTERNAL_ORIGINS)
    found = (package.manifest or {}).get("external_origins") or []
    return [origin for origin in found if origin not in allowed]


class PackageStatusColumn(Column):
    """The status, and for a refused package why."""

    cell_template_name = "lms/admin/package_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(
            package=instance, PackageStatus=PackageStatus, blocked_origins=blocked_origins(instance)
        )
        return context


class _NotARevisionedObject:
    """The package as Wagtail's status panel may read it.

    The panel takes ``object.live_revision`` for a Wagtail ``Revision`` (``.created_at``); a
    package's ``live_revision`` is the number of the revision learners get, so the panel
    passed an empty string to ``timesince_last_update`` and the edit page answered 500.
    """

    live_revision = None

    def __init__(self, package: InteractivePackage):
        self._package = package

    def __getattr__(self, name):
        return getattr(self._package, name)


class PackageEditView(EditView):
    def get_side_panels(self):
        panels = super().get_side_panels()
        for panel in panels:
            if isinstance(panel, StatusSidePanel):
                panel.object = _NotARevisionedObject(panel.object)
        return panels


class PackageIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("translation_of")

    def get_edit_url(self, instance):
        # Offer editing only for the languages whose pages the user edits, not a link to a refusal.
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None


class PackageInspectView(InspectView):
    template_name = "lms/admin/package_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        package = self.object
        manifest = package.manifest or {}
        context.update(
            package=package,
            manifest=manifest,
            scorm_version=SCORM_VERSION_LABELS.get(manifest.get("edition"), manifest.get("edition")),
            is_scorm=package.kind == PackageKind.SCORM and package.ready,
            is_h5p=package.kind == PackageKind.H5P and package.ready,
            translations=package.translations.order_by("language"),
            attempt_count=package.attempts.count(),
            blocked_origins=blocked_origins(package),
        )
        return context

    def get_fields_context(self):
        shown = [name for name in self.fields if name != "status_message" or self.object.status_message]
        return [self.get_context_for_field(name) for name in shown]

    def get_translation_of_display_value(self):
        return str(self.object.translation_of or "—")

    def get_uploaded_by_display_value(self):
        return str(self.object.uploaded_by or "—")

    def get_total_bytes_display_value(self):
        return filesizeformat(self.object.total_bytes)

    def get_upload_display_value(self):
        return self.object.upload.name.rsplit("/", 1)[-1] if self.object.upload else "—"


register_permission_policy(InteractivePackage, PackagePermissionPolicy(InteractivePackage))


class InteractivePackageViewSet(SnippetViewSet):
    model = InteractivePackage
    icon = "media"
    menu_label = gettext_lazy("Interactive content")
    menu_order = 260
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("language"), FieldPanel("translation_of"), FieldPanel("upload")],
        base_form_class=InteractivePackageForm,
    )
    list_display = [
        "title",
        Column("language", label=gettext_lazy("Language"), accessor="get_language_display"),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        PackageStatusColumn("status", label=gettext_lazy("Status")),
        DateColumn("uploaded_at", label=gettext_lazy("Uploaded")),
    ]
    list_filter = ["status", "kind", "language"]
    search_fields = ["title"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "language",
        "translation_of",
        "kind",
        "status",
        "status_message",
        "upload",
        "file_count",
        "total_bytes",
        "uploaded_by",
        "uploaded_at",
        "checked_at",
    ]
    index_view_class = PackageIndexView
    inspect_view_class = PackageInspectView
    edit_view_class = PackageEditView
