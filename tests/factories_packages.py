"""Small H5P and SCORM packages built in memory, valid or hostile, and a view of what storage holds."""

from __future__ import annotations

import io
import json
import os
import random
import stat
import struct
import zipfile
from pathlib import Path

from django.conf import settings

from lms.models.packages import package_storage
from tests.requirements import require

SCORM12_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.package" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Test course</title>
      <item identifier="item_1" identifierref="res_1"><title>Lesson one</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""


def shared_package(name: str) -> Path:
    """A real package from the shared test data; the test is skipped where the folder is absent."""
    path = Path(settings.TESTDATA_DIR) / name
    require(
        path.is_file(),
        f"The shared test package {name}",
        f"TESTDATA_DIR ({settings.TESTDATA_DIR}) should hold ../shared/testdata",
    )
    return path


def make_zip(files: dict[str, bytes | str] | list, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``files``: a mapping of name to contents, or a list of (name or ZipInfo, contents)."""
    buffer = io.BytesIO()
    items = files.items() if isinstance(files, dict) else files
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return buffer.getvalue()


def entry(name: str, *, mode: int) -> zipfile.ZipInfo:
    """A zip entry with a Unix file type and mode (``stat.S_IFLNK | 0o777`` for a link)."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def scorm_zip(manifest: str = SCORM12_MANIFEST, extra: dict | list | None = None) -> bytes:
    """A SCORM package: the manifest, an index.html and ``extra`` files (written after them)."""
    files = [("imsmanifest.xml", manifest), ("index.html", "<!doctype html><title>SCO</title>")]
    files += list(extra.items()) if isinstance(extra, dict) else list(extra or [])
    return make_zip(files)


def h5p_json(dependencies: list[tuple[str, int, int]], main: str = "H5P.Quiz") -> str:
    return json.dumps(
        {
            "title": "A quiz",
            "language": "und",
            "mainLibrary": main,
            "embedTypes": ["iframe"],
            "preloadedDependencies": [
                {"machineName": name, "majorVersion": major, "minorVersion": minor}
                for name, major, minor in dependencies
            ],
        }
    )


def library_json(name: str, major: int, minor: int, dependencies=(), editor_dependencies=()) -> str:
    def listed(items):
        return [{"machineName": n, "majorVersion": a, "minorVersion": b} for n, a, b in items]

    return json.dumps(
        {
            "title": name,
            "machineName": name,
            "majorVersion": major,
            "minorVersion": minor,
            "preloadedDependencies": listed(dependencies),
            "editorDependencies": listed(editor_dependencies),
        }
    )


def h5p_files() -> dict[str, str]:
    """A valid H5P file: H5P.Quiz 1.2 needing H5P.Question 1.4 (which needs nothing)."""
    return {
        "h5p.json": h5p_json([("H5P.Quiz", 1, 2)]),
        "content/content.json": json.dumps({"question": "Is this a test?"}),
        "content/images/picture.png": "png",
        "H5P.Quiz-1.2/library.json": library_json(
            "H5P.Quiz", 1, 2, [("H5P.Question", 1, 4)], editor_dependencies=[("H5PEditor.Text", 1, 0)]
        ),
        "H5P.Quiz-1.2/quiz.js": "H5P.Quiz = function () {};",
        "H5P.Quiz-1.2/quiz.css": ".quiz {}",
        "H5P.Question-1.4/library.json": library_json("H5P.Question", 1, 4),
        "H5P.Question-1.4/question.js": "H5P.Question = function () {};",
    }


def incompressible(size: int) -> bytes:
    """Bytes that do not compress (a fixed seed: the same every run)."""
    return random.Random(size).randbytes(size)


def _patch_headers(
    data: bytes, name: str, local_field: int, central_field: int, fmt: str, value: int
) -> bytes:
    """``data`` (a zip) with one field of ``name``'s local and central headers rewritten."""
    buffer = bytearray(data)
    encoded = name.encode()
    for signature, name_at, field in ((b"PK\x03\x04", 26, local_field), (b"PK\x01\x02", 28, central_field)):
        start = buffer.find(signature)
        while start >= 0:
            name_length = struct.unpack("<H", buffer[start + name_at : start + name_at + 2])[0]
            name_start = start + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(buffer[name_start : name_start + name_length]) == encoded:
                struct.pack_into(fmt, buffer, start + field, value)
                break
            start = buffer.find(signature, start + 4)
    return bytes(buffer)


def with_lying_size(data: bytes, name: str, declared: int) -> bytes:
    """``data`` with the uncompressed size of ``name`` claimed to be ``declared`` (a lying header)."""
    return _patch_headers(data, name, 22, 24, "<I", declared)


def with_encryption_flag(data: bytes, name: str) -> bytes:
    """``data`` with ``name`` marked as encrypted (general purpose flag bit 0)."""
    return _patch_headers(data, name, 6, 8, "<H", 0x1)


def with_entry_count(data: bytes, count: int) -> bytes:
    """``data`` with its end-of-directory record claiming ``count`` entries."""
    buffer = bytearray(data)
    end = buffer.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", buffer, end + 8, count, count)
    return bytes(buffer)


def stored_paths() -> set[str]:
    """Every file and folder under the package storage and the media root, as "<root>:<relative path>"."""
    roots = {"packages": Path(package_storage().location), "media": Path(settings.MEDIA_ROOT)}
    found = set()
    for label, root in roots.items():
        # os.walk, not rglob + is_dir: the storage grows through the run, and scandir knows each
        # entry's kind without a stat call per path (rglob cost 5 % of the suite's CPU).
        for folder, dirs, files in os.walk(root):
            relative = Path(folder).relative_to(root).as_posix()
            prefix = "" if relative == "." else f"{relative}/"
            found.update(f"{label}:{prefix}{name}/" for name in dirs)
            found.update(f"{label}:{prefix}{name}" for name in files)
    return found


SYMLINK_MODE = stat.S_IFLNK | 0o777
CHARACTER_DEVICE_MODE = stat.S_IFCHR | 0o644
