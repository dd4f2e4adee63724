"""Safe zips whose H5P or SCORM contents are wrong are refused with a message naming what is wrong."""

from __future__ import annotations

import io
import json

import pytest

from lms.models import PackageStatus
from lms.models.packages import package_storage
from lms.packages import ingest_file
from tests.factories_packages import SCORM12_MANIFEST, h5p_files, h5p_json, library_json, make_zip, scorm_zip


def ingest_bytes(data: bytes, name: str = "package.zip"):
    upload = io.BytesIO(data)
    upload.name = name
    return ingest_file(upload, title="Test", language="en")


def refusal(data: bytes, name: str = "package.zip") -> str:
    package = ingest_bytes(data, name)
    assert package.status == PackageStatus.REFUSED, package.manifest
    assert not package_storage().exists(package.folder)
    return package.status_message


@pytest.mark.django_db
class TestH5P:
    def test_the_valid_one_is_ready_with_its_manifest(self):
        package = ingest_bytes(make_zip(h5p_files()), "quiz.h5p")

        assert package.status == PackageStatus.READY, package.status_message
        assert package.kind == "h5p"
        assert package.manifest == {
            "kind": "h5p",
            "title": "A quiz",
            "main_library": "H5P.Quiz",
            "main_library_version": "1.2",
            "embed_types": ["iframe"],
            "libraries": ["H5P.Quiz-1.2", "H5P.Question-1.4"],
            "external_origins": [],
        }
        # Editor dependencies are not needed by the player, so their absence is fine.
        assert package_storage().exists(package.folder + "H5P.Quiz-1.2/quiz.js")

    def test_a_missing_library_is_named(self):
        data = make_zip(
            {**h5p_files(), "h5p.json": h5p_json([("H5P.Quiz", 1, 2), ("H5P.MathDisplay", 1, 0)])}
        )

        assert refusal(data) == "The H5P file lacks libraries its content needs: H5P.MathDisplay 1.0."

    def test_a_library_missing_from_another_library_is_named(self):
        files = h5p_files()
        del files["H5P.Question-1.4/library.json"], files["H5P.Question-1.4/question.js"]

        assert "H5P.Question 1.4" in refusal(make_zip(files))

    def test_a_library_of_another_version_does_not_count(self):
        files = h5p_files()
        files["H5P.Question-1.3/library.json"] = library_json("H5P.Question", 1, 3)
        del files["H5P.Question-1.4/library.json"]

        assert "H5P.Question 1.4" in refusal(make_zip(files))

    def test_php_and_exe_files_are_refused_by_name(self):
        files = {
            **h5p_files(),
            "content/evil.php": "<?php system($_GET['c']);",
            "H5P.Quiz-1.2/tool.exe": "MZ",
        }

        message = refusal(make_zip(files))

        assert "types H5P does not allow" in message
        assert "content/evil.php" in message and "H5P.Quiz-1.2/tool.exe" in message

    def test_scripts_are_allowed_in_libraries_but_not_in_content(self):
        files = {**h5p_files(), "content/run.js": "alert(1)"}

        assert "content/run.js" in refusal(make_zip(files))

    def test_a_file_without_extension_at_the_root_is_refused(self):
        assert "LICENSE" in refusal(make_zip({**h5p_files(), "LICENSE": "MIT"}))

    def test_hidden_and_underscore_files_are_left_out_as_h5p_does(self):
        files = {**h5p_files(), "__MACOSX/._h5p.json": "junk", "content/.DS_Store": "junk"}

        package = ingest_bytes(make_zip(files))

        assert package.status == PackageStatus.READY, package.status_message
        assert not package_storage().exists(package.folder + "content/.DS_Store")
        assert package.file_count == len(h5p_files())

    def test_no_content_json(self):
        files = h5p_files()
        del files["content/content.json"]

        assert "content/content.json" in refusal(make_zip(files))

    def test_broken_h5p_json(self):
        assert "h5p.json in the H5P file is not valid JSON" in refusal(
            make_zip({**h5p_files(), "h5p.json": "{"})
        )

    def test_main_library_not_among_the_dependencies(self):
        data = make_zip({**h5p_files(), "h5p.json": h5p_json([("H5P.Question", 1, 4)], main="H5P.Quiz")})

        assert "main library H5P.Quiz" in refusal(data)

    def test_malformed_dependency_list(self):
        document = json.loads(h5p_json([("H5P.Quiz", 1, 2)]))
        document["preloadedDependencies"].append({"machineName": "../../etc", "majorVersion": 1})

        assert "lists its dependencies wrongly" in refusal(
            make_zip({**h5p_files(), "h5p.json": json.dumps(document)})
        )


def manifest_with(old: str, new: str) -> bytes:
    assert old in SCORM12_MANIFEST
    return scorm_zip(SCORM12_MANIFEST.replace(old, new))


@pytest.mark.django_db
class TestScorm:
    def test_launch_file_missing_from_the_zip_is_named(self):
        message = refusal(make_zip({"imsmanifest.xml": SCORM12_MANIFEST}))

        assert message == "The launch file “index.html” of the item “Lesson one” is not in the package."

    def test_href_outside_the_package(self):
        assert "outside the package" in refusal(manifest_with('href="index.html">', 'href="../index.html">'))

    def test_href_on_another_site(self):
        message = refusal(manifest_with('href="index.html">', 'href="https://evil.example/x.html">'))

        assert "“https://evil.example/x.html”, which is outside the package" in message

    def test_item_pointing_at_a_missing_resource(self):
        message = refusal(manifest_with('identifierref="res_1"', 'identifierref="res_9"'))

        assert message == (
            "The item “Lesson one” points at the resource “res_9”, which the manifest does not have."
        )

    def test_no_organisation(self):
        start, end = SCORM12_MANIFEST.index("<organizations"), SCORM12_MANIFEST.index("<resources>")
        data = scorm_zip(SCORM12_MANIFEST[:start] + SCORM12_MANIFEST[end:])

        assert "no organisation" in refusal(data)

    def test_not_a_manifest(self):
        assert "does not hold a manifest element" in refusal(scorm_zip("<?xml version='1.0'?><html/>"))

    def test_no_version_anywhere(self):
        plain = (
            SCORM12_MANIFEST.replace("<schemaversion>1.2</schemaversion>", "")
            .replace(' xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', "")
            .replace(' xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"', ' xmlns:adlcp="urn:x"')
        )

        assert "does not say which SCORM version" in refusal(scorm_zip(plain))

    def test_malformed_xml_gives_the_line(self):
        broken = SCORM12_MANIFEST.replace("</organization>", "", 1)

        assert "not well-formed XML: mismatched tag at line 11" in refusal(scorm_zip(broken))
