"""Hostile and broken zips are refused with a clear message, before anything is unpacked.

After each case the package storage and the media root hold nothing new but the upload
itself (kept, so editors see what they sent), and nothing appeared beside the storage.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lms.models import PackageStatus
from lms.models.packages import package_storage
from lms.packages import ingest_file
from tests.factories_packages import (
    CHARACTER_DEVICE_MODE,
    SCORM12_MANIFEST,
    SYMLINK_MODE,
    entry,
    incompressible,
    make_zip,
    scorm_zip,
    stored_paths,
    with_encryption_flag,
    with_entry_count,
    with_lying_size,
)

KB = 1024
MB = 1024 * 1024

XXE_MANIFEST = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
  <metadata><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>&secret;</title>
  <item identifier="i" identifierref="r"><title>x</title></item></organization></organizations>
  <resources><resource identifier="r" href="index.html" type="webcontent"/></resources>
</manifest>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE manifest [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"><metadata>&lol9;</metadata></manifest>"""


def _many_files(count: int) -> bytes:
    return scorm_zip(extra={f"page{number}.html": "x" for number in range(count)})


#: (id, the zip's bytes, settings to apply, a part of the expected message)
CASES = [
    ("zip-slip", lambda: scorm_zip(extra={"../evil.txt": "pwned"}), {}, "leads outside its folder"),
    (
        "zip-slip-deep",
        lambda: scorm_zip(extra={"a/../../../../evil.txt": "x"}),
        {},
        "leads outside its folder",
    ),
    (
        "zip-slip-backslash",
        lambda: scorm_zip(extra={"..\\..\\evil.txt": "x"}),
        {},
        "leads outside its folder",
    ),
    ("absolute-path", lambda: scorm_zip(extra={"/home/evil.txt": "x"}), {}, "absolute path"),
    ("drive-letter", lambda: scorm_zip(extra={"C:/evil.txt": "x"}), {}, "absolute path"),
    ("control-character", lambda: scorm_zip(extra={"bad\x01name.txt": "x"}), {}, "invalid name"),
    (
        "symlink",
        lambda: scorm_zip(extra=[(entry("link", mode=SYMLINK_MODE), "/etc/passwd")]),
        {},
        "symbolic link",
    ),
    (
        "device-file",
        lambda: scorm_zip(extra=[(entry("dev", mode=CHARACTER_DEVICE_MODE), "")]),
        {},
        "special file",
    ),
    (
        "encrypted",
        lambda: with_encryption_flag(scorm_zip(extra={"secret.txt": "x"}), "secret.txt"),
        {},
        "encrypted",
    ),
    ("duplicate-by-case", lambda: scorm_zip(extra={"Index.HTML": "x"}), {}, "twice"),
    (
        "file-and-folder",
        lambda: scorm_zip(extra={"a": "x", "a/b.txt": "y"}),
        {},
        "both as a file and as a folder",
    ),
    ("bomb-by-ratio", lambda: scorm_zip(extra={"zeros.bin": bytes(4 * MB)}), {}, "zip bombs"),
    (
        "bomb-by-total-ratio",
        lambda: scorm_zip(extra={f"zeros{n}.bin": bytes(600 * KB) for n in range(5)}),
        {},
        "The package unpacks to more than 100 times",
    ),
    ("bomb-by-file-count", lambda: _many_files(25), {"LMS_PACKAGE_MAX_FILES": 20}, "at most 20 are allowed"),
    (
        "bomb-by-file-count-hidden",
        lambda: with_entry_count(_many_files(25), 1),
        {"LMS_PACKAGE_MAX_FILES": 20},
        "holds 27 files and folders",
    ),
    (
        "bomb-by-declared-count",
        lambda: _many_files(60),
        {"LMS_PACKAGE_MAX_FILES": 20},
        "holds 62 files and folders",
    ),
    (
        "one-huge-file",
        lambda: scorm_zip(extra={"movie.mp4": incompressible(300 * KB)}),
        {"LMS_PACKAGE_MAX_FILE_BYTES": 256 * KB},
        "a single file may be at most 0.2 MB",
    ),
    (
        "too-big-unpacked",
        lambda: scorm_zip(extra={"a.bin": incompressible(200 * KB), "b.bin": incompressible(200 * KB)}),
        {"LMS_PACKAGE_MAX_TOTAL_BYTES": 256 * KB},
        "at most 0.2 MB are allowed",
    ),
    ("upload-too-big", lambda: scorm_zip(), {"LMS_PACKAGE_MAX_UPLOAD_BYTES": 500}, "packages may be at most"),
    (
        "lying-header",
        lambda: with_lying_size(scorm_zip(extra={"liar.txt": "x" * 50_000}), "liar.txt", 100),
        {},
        "“liar.txt” in the package is damaged",
    ),
    ("not-a-zip", lambda: b"MZ\x90\x00 this is a program, not a zip" * 10, {}, "not a zip archive"),
    (
        "neither-kind",
        lambda: make_zip({"readme.txt": "hello"}),
        {},
        "neither an H5P file nor a SCORM package",
    ),
    (
        "manifest-one-folder-down",
        lambda: make_zip({"course/imsmanifest.xml": "<manifest/>", "course/index.html": "x"}),
        {},
        "inside the folder “course”",
    ),
    ("xxe", lambda: scorm_zip(XXE_MANIFEST), {}, "uses XML entities, which are not allowed"),
    ("billion-laughs", lambda: scorm_zip(BILLION_LAUGHS), {}, "uses XML entities, which are not allowed"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("build", "overrides", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_archive_is_refused_and_leaves_only_the_upload(settings, build, overrides, expected):
    for name, value in overrides.items():
        setattr(settings, name, value)
    upload = io.BytesIO(build())
    upload.name = "hostile.zip"
    storage_root = Path(package_storage().location)
    before = stored_paths()

    package = ingest_file(upload, title="Hostile", language="en")

    assert package.status == PackageStatus.REFUSED
    assert expected in package.status_message
    assert package.manifest == {} and package.file_count == 0 and package.kind == ""
    new = stored_paths() - before
    assert new - {"packages:uploads/", "packages:content/"} == {f"packages:{package.upload.name}"}
    assert not (storage_root / "content" / str(package.uuid)).exists()
    # Escapes would land beside the storage (its parents are shared temporary folders: look by name).
    for folder in (storage_root.parent, storage_root.parent.parent, Path("/home"), Path.cwd()):
        assert not list(folder.glob("evil*")), folder


@pytest.mark.django_db
def test_a_failure_while_writing_removes_what_was_written_already():
    """The lying entry comes after files that were written: they go too."""
    data = with_lying_size(
        scorm_zip(extra={"assets/a.css": "a {}", "assets/b.js": "b()", "zz-liar.txt": "y" * 80_000}),
        "zz-liar.txt",
        10,
    )
    upload = io.BytesIO(data)
    upload.name = "partial.zip"
    before = stored_paths()

    package = ingest_file(upload, title="Partial", language="en")

    assert package.status == PackageStatus.REFUSED
    assert "damaged" in package.status_message
    assert stored_paths() - before - {"packages:uploads/", "packages:content/"} == {
        f"packages:{package.upload.name}"
    }


@pytest.mark.django_db
def test_harmless_quirks_are_accepted():
    """Windows separators, "./" prefixes and folder entries are normal in real zips."""
    data = make_zip(
        [
            ("./imsmanifest.xml", scorm_zip_manifest()),
            ("pages/", ""),
            ("pages\\index.html", "<title>x</title>"),
            ("empty.txt", ""),
        ]
    )
    upload = io.BytesIO(data)
    upload.name = "quirks.zip"

    package = ingest_file(upload, title="Quirks", language="en")

    assert package.status == PackageStatus.READY, package.status_message
    storage = package_storage()
    assert storage.exists(package.folder + "pages/index.html")
    assert storage.exists(package.folder + "empty.txt")
    assert package.file_count == 3


def scorm_zip_manifest() -> str:
    return SCORM12_MANIFEST.replace('href="index.html"', 'href="pages/index.html"')
