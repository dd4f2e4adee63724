"""The background check: run after commit, one revision at a time; old files stay until a new one is ready."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.users.models import UserProfile

from lms.models import InteractivePackage, PackageStatus
from lms.models.packages import package_storage
from lms.packages import (
    _remove_older_revisions,
    check_after_commit,
    check_package_task,
    ingest_file,
    prepare_new_upload,
)
from tests.factories import make_user
from tests.factories_packages import h5p_files, make_zip, scorm_zip

pytestmark = pytest.mark.django_db


def new_upload(package: InteractivePackage, name: str, data: bytes) -> None:
    """What the admin form does with a new file: a new revision, saved, its check after commit."""
    prepare_new_upload(package)
    package.upload = SimpleUploadedFile(name, data)
    package.save()
    check_after_commit(package)


def test_the_check_runs_only_after_the_save_commits(django_capture_on_commit_callbacks):
    package = InteractivePackage(title="Course", language="en")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        new_upload(package, "a.zip", scorm_zip())
    package.refresh_from_db()
    assert package.status == PackageStatus.WAITING

    for callback in callbacks:
        callback()
    package.refresh_from_db()
    assert package.status == PackageStatus.READY
    assert package.checked_at is not None


def test_a_refused_replacement_keeps_the_old_files_until_a_good_one_is_ready(
    django_capture_on_commit_callbacks,
):
    package = ingest_file(SimpleUploadedFile("a.zip", scorm_zip()), title="Course", language="en")
    first_folder = package.folder
    storage = package_storage()

    with django_capture_on_commit_callbacks(execute=True):
        new_upload(package, "b.zip", make_zip({"readme.txt": "not a package"}))
    package.refresh_from_db()
    assert (package.status, package.revision) == (PackageStatus.REFUSED, 2)
    assert storage.exists(first_folder + "index.html")

    with django_capture_on_commit_callbacks(execute=True):
        new_upload(package, "c.h5p", make_zip(h5p_files()))
    package.refresh_from_db()
    assert (package.status, package.revision) == (PackageStatus.READY, 3)
    assert storage.listdir(f"content/{package.uuid}/")[0] == ["3"]


def test_learners_keep_the_live_revision_while_a_replacement_waits_or_is_refused(
    django_capture_on_commit_callbacks,
):
    package = ingest_file(SimpleUploadedFile("a.zip", scorm_zip()), title="Course", language="en")
    live = (package.folder, package.kind, package.manifest)

    with django_capture_on_commit_callbacks(execute=False):
        new_upload(package, "b.zip", make_zip({"readme.txt": "not a package"}))
    package.refresh_from_db()
    assert package.status == PackageStatus.WAITING
    assert package.ready and (package.folder, package.kind, package.manifest) == live

    check_package_task.call(package.pk, package.revision)
    package.refresh_from_db()
    assert package.status == PackageStatus.REFUSED and package.status_message
    assert package.ready and (package.folder, package.kind, package.manifest) == live
    assert package_storage().exists(package.folder + "index.html")


def test_a_check_for_an_older_revision_does_nothing():
    package = ingest_file(SimpleUploadedFile("a.zip", scorm_zip()), title="Course", language="en")

    result = check_package_task.call(package.pk, package.revision - 1)

    assert result == "stale"
    package.refresh_from_db()
    assert package.status == PackageStatus.READY


def test_a_ready_package_is_not_checked_again():
    package = ingest_file(SimpleUploadedFile("a.zip", scorm_zip()), title="Course", language="en")
    checked_at = package.checked_at

    assert check_package_task.call(package.pk, package.revision) == PackageStatus.READY
    package.refresh_from_db()
    assert package.checked_at == checked_at


def test_the_message_is_in_the_uploaders_language():
    editor = make_user()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()
    package = InteractivePackage(title="Kurs", language="sv", uploaded_by=editor)
    prepare_new_upload(package)
    package.upload = SimpleUploadedFile("a.zip", b"not a zip at all")
    package.save()

    check_package_task.call(package.pk, package.revision)

    package.refresh_from_db()
    assert package.status == PackageStatus.REFUSED
    english = "The file is not a zip archive, or it is damaged."
    with translation.override("sv"):
        swedish = translation.gettext(english)
    assert swedish != english
    assert package.status_message == swedish


def test_a_ready_revision_removes_only_older_ones():
    """A newer upload may be unpacking while an older one finishes: its folder stays."""
    package = ingest_file(SimpleUploadedFile("a.zip", scorm_zip()), title="Course", language="en")
    storage = package_storage()
    for revision in (2, 3):
        storage.save(f"content/{package.uuid}/{revision}/index.html", ContentFile(b"x"))

    _remove_older_revisions(package.uuid, 2)

    assert sorted(storage.listdir(f"content/{package.uuid}/")[0]) == ["2", "3"]
