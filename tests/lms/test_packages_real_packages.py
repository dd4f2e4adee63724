"""The real packages from the shared test data: the valid ones become READY with the right manifest,
the broken ones are refused with a clear message."""

from __future__ import annotations

import pytest

from lms.models import PackageKind, PackageStatus
from lms.models.packages import package_storage
from lms.packages import ingest_file
from lms.scorm_manifest import launchable_items
from tests.factories_packages import shared_package, stored_paths

GOLF_ITEM = {
    "identifier": "item_1",
    "title": "Golf Explained",
    "launch": "shared/launchpage.html",
    "scorm_type": "sco",
    "mastery_score": None,
    "data_from_lms": None,
    "children": [],
}


@pytest.mark.django_db
def test_h5p_true_false_is_ready():
    package = ingest_file(shared_package("h5p-test.h5p"), title="True or false", language="en")

    assert package.status == PackageStatus.READY, package.status_message
    assert package.kind == PackageKind.H5P
    assert package.manifest == {
        "kind": "h5p",
        "title": "Hello World",
        "main_library": "H5P.TrueFalse",
        "main_library_version": "1.6",
        "embed_types": ["div"],
        "external_origins": [],
        "libraries": [
            "H5P.TrueFalse-1.6",
            "FontAwesome-4.5",
            "H5P.FontIcons-1.0",
            "H5P.JoubelUI-1.3",
            "H5P.Transition-1.0",
            "Drop-1.0",
            "Tether-1.0",
            "H5P.Question-1.4",
        ],
    }
    storage = package_storage()
    for path in ("h5p.json", "content/content.json", "H5P.TrueFalse-1.6/scripts/h5p-true-false.js"):
        assert storage.exists(package.folder + path), path
    assert package.file_count == 107
    assert package.total_bytes == 1358683
    assert package.checked_at is not None
    assert package.folder == f"content/{package.uuid}/1/"


@pytest.mark.django_db
def test_scorm12_golf_is_ready():
    package = ingest_file(shared_package("scorm12-golf-runtime-basic-calls.zip"), title="Golf", language="en")

    assert package.status == PackageStatus.READY, package.status_message
    assert package.kind == PackageKind.SCORM
    assert package.manifest == {
        "kind": "scorm",
        "standard": "1.2",
        "edition": "1.2",
        "title": "Golf Explained - Run-time Basic Calls",
        "items": [GOLF_ITEM],
        "external_origins": [],
    }
    assert launchable_items(package.manifest) == [GOLF_ITEM]
    with package_storage().open(package.folder + "shared/launchpage.html") as launch:
        assert b"<html" in launch.read().lower()


@pytest.mark.django_db
def test_scorm2004_golf_is_ready():
    package = ingest_file(
        shared_package("scorm2004-golf-runtime-basic-calls.zip"), title="Golf", language="nb"
    )

    assert package.status == PackageStatus.READY, package.status_message
    assert package.manifest["standard"] == "2004"
    assert package.manifest["edition"] == "2004 3rd edition"
    # The golf SCO reports its own status (imsss:deliveryControls), so the LMS sets none for it.
    runtime = {
        "objectives": [],
        "scaled_passing_score": None,
        "completion_threshold": None,
        "time_limit_action": None,
        "max_time_allowed": None,
        "completion_set_by_content": True,
        "objective_set_by_content": True,
        "control_mode": {"choice": True, "flow": False},
    }
    assert package.manifest["items"] == [{**GOLF_ITEM, "runtime": runtime}]
    assert package_storage().exists(package.folder + "shared/scormfunctions.js")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "scorm12-malformed-manifest.zip",
            "The manifest (imsmanifest.xml) is not well-formed XML: mismatched tag at line 27, column 7.",
        ),
        (
            "scorm12-missing-launch.zip",
            "The item “Test Item” has nothing to launch: its resource “resource_1” has no href.",
        ),
    ],
)
def test_broken_scorm_is_refused_with_a_clear_message(name, message):
    before = stored_paths()

    package = ingest_file(shared_package(name), title="Broken", language="en")

    assert package.status == PackageStatus.REFUSED
    assert package.status_message == message
    assert stored_paths() - before - {"packages:uploads/", "packages:content/"} == {
        f"packages:{package.upload.name}"
    }
