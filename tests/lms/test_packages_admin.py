"""The package library in the Wagtail admin: upload, list with status, inspect, replace and delete."""

from __future__ import annotations

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.models import InteractivePackage, PackageStatus, ScormAttempt
from lms.models.packages import package_storage
from lms.packages import ingest_file
from tests.factories import make_user
from tests.factories_packages import h5p_files, make_zip, scorm_zip
from tests.lms.test_packages_scorm_manifest import MULTI_SCO_FILES

URLS = "wagtailsnippets_lms_interactivepackage"


@pytest.fixture
def admin_client(client, db):
    user = make_user("admin", superuser=True)
    client.force_login(user)
    client.user = user
    return client


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def post_package(client, url, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def test_uploading_checks_the_package_and_lists_it_as_ready(admin_client, django_capture_on_commit_callbacks):
    response = post_package(
        admin_client,
        reverse(f"{URLS}:add"),
        {
            "title": "Peer support basics",
            "language": "en",
            "upload": upload("basics.zip", make_zip(MULTI_SCO_FILES)),
        },
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    package = InteractivePackage.objects.get()
    assert package.status == PackageStatus.READY, package.status_message
    assert package.uploaded_by == admin_client.user
    assert package.revision == 1
    listing = admin_client.get(reverse(f"{URLS}:list")).content.decode()
    assert "Peer support basics" in listing and "Ready" in listing and "SCORM" in listing


def test_inspect_shows_version_and_item_tree(admin_client):
    package = ingest_file(
        make_zip_file("basics.zip", make_zip(MULTI_SCO_FILES)), title="Basics", language="en"
    )

    page = admin_client.get(reverse(f"{URLS}:inspect", args=[package.pk])).content.decode()

    assert "SCORM 2004, 4th edition" in page
    for title in ("Module one", "Introduction", "Quiz", "Glossary"):
        assert title in page
    assert "course/res/quiz/start.html?x=1&amp;mode=test" in page
    # Nested items are nested lists: "Introduction" is inside the list under "Module one".
    assert (
        page.index("Module one") < page.index("<ul>", page.index("Module one")) < page.index("Introduction")
    )


def test_inspect_shows_the_main_library_of_h5p(admin_client):
    package = ingest_file(make_zip_file("quiz.h5p", make_zip(h5p_files())), title="Quiz", language="en")

    page = admin_client.get(reverse(f"{URLS}:inspect", args=[package.pk])).content.decode()

    assert "H5P.Quiz 1.2" in page
    assert "H5P.Question-1.4" in page


def test_a_refused_package_shows_why_in_the_list_and_inspect(admin_client):
    package = ingest_file(
        make_zip_file("bad.zip", scorm_zip(extra={"../evil.txt": "x"})), title="Bad one", language="en"
    )

    listing = admin_client.get(reverse(f"{URLS}:list")).content.decode()
    page = admin_client.get(reverse(f"{URLS}:inspect", args=[package.pk])).content.decode()

    for html in (listing, page):
        assert "Refused" in html
        assert "leads outside its folder: “../evil.txt”" in html


def test_a_refused_replacement_says_learners_keep_the_previous_upload(
    admin_client, django_capture_on_commit_callbacks
):
    package = ingest_file(upload("good.zip", scorm_zip()), title="Replaced", language="en")
    replacement = {
        "title": "Replaced",
        "language": "en",
        "upload": upload("bad.zip", make_zip({"a.txt": "x"})),
    }

    post_package(
        admin_client,
        reverse(f"{URLS}:edit", args=[package.pk]),
        replacement,
        django_capture_on_commit_callbacks,
    )

    package.refresh_from_db()
    assert package.status == PackageStatus.REFUSED and package.ready
    listing = admin_client.get(reverse(f"{URLS}:list")).content.decode()
    assert "Learners still get the previous upload" in listing


def test_a_file_too_large_is_a_form_error(admin_client, settings):
    settings.LMS_PACKAGE_MAX_UPLOAD_BYTES = 100
    response = admin_client.post(
        reverse(f"{URLS}:add"), {"title": "Big", "language": "en", "upload": upload("big.zip", scorm_zip())}
    )

    assert response.status_code == 200
    assert "packages may be at most 0.0 MB" in response.content.decode()
    assert not InteractivePackage.objects.exists()


def test_only_h5p_and_zip_files_are_taken(admin_client):
    response = admin_client.post(
        reverse(f"{URLS}:add"), {"title": "Doc", "language": "en", "upload": upload("notes.pdf", scorm_zip())}
    )

    assert response.status_code == 200
    assert "notes.pdf" not in str(InteractivePackage.objects.values_list("upload", flat=True))
    assert "File extension “pdf” is not allowed" in response.content.decode()


def test_a_translation_must_be_in_another_language(admin_client):
    original = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Original", language="en")
    response = admin_client.post(
        reverse(f"{URLS}:add"),
        {
            "title": "Copy",
            "language": "en",
            "translation_of": original.pk,
            "upload": upload("b.zip", scorm_zip()),
        },
    )

    assert response.status_code == 200
    assert "A translation is in another language than its original" in response.content.decode()


def test_editing_without_a_new_file_keeps_the_revision(admin_client, django_capture_on_commit_callbacks):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Old title", language="en")

    response = post_package(
        admin_client,
        reverse(f"{URLS}:edit", args=[package.pk]),
        {"title": "New title", "language": "sv"},
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    package.refresh_from_db()
    assert (package.title, package.language, package.revision, package.status) == (
        "New title",
        "sv",
        1,
        "ready",
    )


def test_replacing_the_file_unpacks_a_new_revision_and_then_drops_the_old(
    admin_client, django_capture_on_commit_callbacks
):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Course", language="en")
    old_folder, old_upload = package.folder, package.upload.name
    storage = package_storage()

    response = post_package(
        admin_client,
        reverse(f"{URLS}:edit", args=[package.pk]),
        {"title": "Course", "language": "en", "upload": upload("b.h5p", make_zip(h5p_files()))},
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    package.refresh_from_db()
    assert (package.revision, package.status, package.kind) == (2, PackageStatus.READY, "h5p")
    assert storage.exists(package.folder + "h5p.json")
    assert not storage.exists(old_folder)
    assert not storage.exists(old_upload)


def test_deleting_removes_the_files(admin_client, django_capture_on_commit_callbacks):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Course", language="en")
    storage = package_storage()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse(f"{URLS}:delete", args=[package.pk]))

    assert response.status_code == 302
    assert not InteractivePackage.objects.exists()
    assert not storage.exists(f"content/{package.uuid}")
    assert not storage.exists(package.upload.name)


def test_a_package_with_scorm_attempts_is_kept_with_a_clear_message(admin_client):
    package = ingest_file(make_zip_file("a.zip", scorm_zip()), title="Course", language="en")
    ScormAttempt.objects.create(
        user=make_user(), lesson_key=uuid.uuid4(), activity="interactive:x", package=package, number=1
    )

    response = admin_client.post(reverse(f"{URLS}:delete", args=[package.pk]), follow=True)

    assert InteractivePackage.objects.filter(pk=package.pk).exists()
    assert "cannot be deleted: learners have SCORM attempts at it" in response.content.decode()
    assert package_storage().exists(package.folder + "imsmanifest.xml")


def test_lesson_editors_can_choose_a_package(admin_client):
    ingest_file(make_zip_file("a.zip", scorm_zip()), title="Choosable", language="en")

    response = admin_client.get(reverse("wagtailsnippetchoosers_lms_interactivepackage:choose"))

    assert response.status_code == 200
    assert "Choosable" in response.content.decode()


def make_zip_file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_language_editors_upload_and_choose_packages_but_do_not_delete_them(
    client, editor_of, django_capture_on_commit_callbacks
):
    editor = editor_of("sv")
    client.force_login(editor)

    response = post_package(
        client,
        reverse(f"{URLS}:add"),
        {"title": "Kurs", "language": "sv", "upload": upload("kurs.zip", scorm_zip())},
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    package = InteractivePackage.objects.get(title="Kurs")
    assert package.status == PackageStatus.READY and package.uploaded_by == editor
    assert client.get(reverse("wagtailsnippetchoosers_lms_interactivepackage:choose")).status_code == 200
    client.post(reverse(f"{URLS}:delete", args=[package.pk]))
    assert InteractivePackage.objects.filter(pk=package.pk).exists()
