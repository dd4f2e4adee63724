"""The package's edit page in every state, and edits that race the background check."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.admin_packages import InteractivePackageViewSet
from lms.models import InteractivePackage, PackageStatus
from lms.packages import ingest_file
from tests.factories import make_user
from tests.factories_packages import scorm_zip
from tests.lms.test_packages_admin import make_zip_file

URLS = "wagtailsnippets_lms_interactivepackage"


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("admin", superuser=True))
    return client


def test_edit_page_of_ready_package(admin_client):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Ready", language="en")
    response = admin_client.get(reverse(f"{URLS}:edit", args=[package.pk]))
    assert response.status_code == 200


def test_edit_page_in_every_state(admin_client):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Course", language="en")
    for status, live in [
        (PackageStatus.READY, 1),
        (PackageStatus.WAITING, 1),
        (PackageStatus.CHECKING, 1),
        (PackageStatus.REFUSED, 1),
        (PackageStatus.WAITING, None),
        (PackageStatus.CHECKING, None),
        (PackageStatus.REFUSED, None),
    ]:
        InteractivePackage.objects.filter(pk=package.pk).update(status=status, live_revision=live)
        response = admin_client.get(reverse(f"{URLS}:edit", args=[package.pk]))
        assert response.status_code == 200, (status, live)
        assert "Course" in response.content.decode()
    assert admin_client.get(reverse(f"{URLS}:add")).status_code == 200


def test_a_title_edit_during_the_check_keeps_the_revision_the_check_works_on(admin_client):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Old", language="en")
    editor = make_user("editor2", superuser=True)
    form_class = InteractivePackageViewSet().get_form_class(for_update=True)
    form = form_class(
        data={"title": "New", "language": "en"}, instance=package, for_user=editor
    )  # the edit request read the package as it was: revision 1, ready
    # Meanwhile the editor's earlier replacement came in and its check is running.
    InteractivePackage.objects.filter(pk=package.pk).update(revision=2, status=PackageStatus.CHECKING)

    assert form.is_valid(), form.errors
    saved = form.save()

    package.refresh_from_db()
    assert (package.title, package.revision, package.status, package.live_revision) == (
        "New",
        2,
        PackageStatus.CHECKING,
        1,
    )
    assert (saved.revision, saved.status) == (2, PackageStatus.CHECKING)


def test_a_new_file_during_a_check_starts_after_the_newest_revision(admin_client):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Old", language="en")
    form_class = InteractivePackageViewSet().get_form_class(for_update=True)
    form = form_class(
        data={"title": "Old", "language": "en"},
        files={"upload": SimpleUploadedFile("b.zip", scorm_zip(), content_type="application/zip")},
        instance=package,
        for_user=make_user("editor3", superuser=True),
    )
    InteractivePackage.objects.filter(pk=package.pk).update(revision=2, status=PackageStatus.CHECKING)

    assert form.is_valid(), form.errors
    form.save()

    package.refresh_from_db()
    assert (package.revision, package.status, package.live_revision) == (3, PackageStatus.WAITING, 1)
