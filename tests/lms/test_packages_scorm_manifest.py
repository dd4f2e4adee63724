"""Reading imsmanifest.xml: any prefixes, versions and editions, xml:base, parameters, the item tree."""

from __future__ import annotations

import io
import zipfile

import pytest

from lms.package_archive import Limits, PackageRefused, read_entries
from lms.scorm_manifest import add_parameters, launchable_items, read_scorm
from tests.factories_packages import make_zip

#: Several SCOs in nested items, with unusual prefixes, xml:base at three levels and parameters.
MULTI_SCO = """<?xml version="1.0" encoding="UTF-8"?>
<cp:manifest identifier="multi" xmlns:cp="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adl="http://www.adlnet.org/xsd/adlcp_v1p3" xml:base="course/">
  <cp:metadata>
    <cp:schema>ADL SCORM</cp:schema><cp:schemaversion>2004 4th Edition</cp:schemaversion>
  </cp:metadata>
  <cp:organizations default="second">
    <cp:organization identifier="first"><cp:title>Not this one</cp:title>
      <cp:item identifier="x" identifierref="intro"><cp:title>X</cp:title></cp:item>
    </cp:organization>
    <cp:organization identifier="second">
      <cp:title>  Peer support
        basics </cp:title>
      <cp:item identifier="module_1">
        <cp:title>Module one</cp:title>
        <cp:item identifier="sco_1" identifierref="intro" parameters="?lang=en">
          <cp:title>Introduction</cp:title>
          <adl:dataFromLMS>start=1</adl:dataFromLMS>
        </cp:item>
        <cp:item identifier="sco_2" identifierref="quiz" parameters="&amp;mode=test">
          <cp:title>Quiz</cp:title>
        </cp:item>
      </cp:item>
      <cp:item identifier="page" identifierref="glossary" parameters="#terms">
        <cp:title>Glossary</cp:title>
      </cp:item>
    </cp:organization>
  </cp:organizations>
  <cp:resources xml:base="res/">
    <cp:resource identifier="intro" type="webcontent" adl:scormType="sco" href="intro/index.html"/>
    <cp:resource identifier="quiz" type="webcontent" adl:scormType="sco" xml:base="quiz/"
        href="start.html?x=1"/>
    <cp:resource identifier="glossary" type="webcontent" adl:scormType="asset" href="glossary%20page.html"/>
  </cp:resources>
</cp:manifest>
"""
MULTI_SCO_FILES = {
    "imsmanifest.xml": MULTI_SCO,
    "course/res/intro/index.html": "intro",
    "course/res/quiz/start.html": "quiz",
    "course/res/glossary page.html": "glossary",
}


def read(files: dict) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(make_zip(files)))
    limits = Limits(upload_bytes=10**9, total_bytes=10**9, files=1000, file_bytes=10**9, ratio=100)
    manifest, _entries = read_scorm(archive, read_entries(archive, limits))
    return manifest


def without_runtime(items: list[dict]) -> list[dict]:
    """The item tree without each item's run-time data (tested in test_scorm_runtime_rules.py)."""
    return [
        {**{k: v for k, v in item.items() if k != "runtime"}, "children": without_runtime(item["children"])}
        for item in items
    ]


def test_the_item_tree_of_several_scos():
    manifest = read(MULTI_SCO_FILES)
    manifest["items"] = without_runtime(manifest["items"])

    assert manifest["standard"] == "2004"
    assert manifest["edition"] == "2004 4th edition"
    assert manifest["title"] == "Peer support basics"
    assert manifest["items"] == [
        {
            "identifier": "module_1",
            "title": "Module one",
            "launch": None,
            "scorm_type": None,
            "mastery_score": None,
            "data_from_lms": None,
            "children": [
                {
                    "identifier": "sco_1",
                    "title": "Introduction",
                    "launch": "course/res/intro/index.html?lang=en",
                    "scorm_type": "sco",
                    "mastery_score": None,
                    "data_from_lms": "start=1",
                    "children": [],
                },
                {
                    "identifier": "sco_2",
                    "title": "Quiz",
                    "launch": "course/res/quiz/start.html?x=1&mode=test",
                    "scorm_type": "sco",
                    "mastery_score": None,
                    "data_from_lms": None,
                    "children": [],
                },
            ],
        },
        {
            "identifier": "page",
            "title": "Glossary",
            "launch": "course/res/glossary%20page.html#terms",
            "scorm_type": "asset",
            "mastery_score": None,
            "data_from_lms": None,
            "children": [],
        },
    ]
    assert [item["identifier"] for item in launchable_items(manifest)] == ["sco_1", "sco_2", "page"]


def test_the_launch_file_is_looked_up_with_xml_base():
    files = dict(MULTI_SCO_FILES)
    del files["course/res/quiz/start.html"]
    files["res/quiz/start.html"] = "in the wrong place"

    with pytest.raises(PackageRefused, match="“course/res/quiz/start.html” of the item “Quiz”"):
        read(files)


SCORM12_WITH_MASTERY = """<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="i" identifierref="r"><title>Test</title>
      <adlcp:masteryscore>80</adlcp:masteryscore><adlcp:datafromlms>abc</adlcp:datafromlms></item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="SCO" href="a.html"/></resources>
</manifest>"""


def test_scorm12_without_schemaversion_is_known_by_its_namespace_and_keeps_mastery_score():
    manifest = read({"imsmanifest.xml": SCORM12_WITH_MASTERY, "a.html": "a"})

    assert (manifest["standard"], manifest["edition"]) == ("1.2", "1.2")
    item = manifest["items"][0]
    assert (item["mastery_score"], item["data_from_lms"], item["scorm_type"]) == (80.0, "abc", "sco")


@pytest.mark.parametrize(
    ("schemaversion", "edition"),
    [
        ("1.2", "1.2"),
        ("CAM 1.3", "2004 2nd edition"),
        ("2004 3rd Edition", "2004 3rd edition"),
        ("2004 4th Edition", "2004 4th edition"),
    ],
)
def test_editions_from_schemaversion(schemaversion, edition):
    xml = SCORM12_WITH_MASTERY.replace(
        '<organizations default="o">',
        f'<metadata><schemaversion>{schemaversion}</schemaversion></metadata><organizations default="o">',
    )

    assert read({"imsmanifest.xml": xml, "a.html": "a"})["edition"] == edition


def test_scorm2004_default_prefix_and_first_organisation_without_default():
    xml = """<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
        xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
      <organizations><organization identifier="a"><title>First</title>
        <item identifier="i" identifierref="r"><title>One</title></item></organization></organizations>
      <resources>
        <resource identifier="r" adlcp:scormType="sco" href="one.html" type="webcontent"/>
      </resources>
    </manifest>"""

    manifest = read({"imsmanifest.xml": xml, "one.html": "1"})

    assert (manifest["standard"], manifest["edition"], manifest["title"]) == (
        "2004",
        "2004 3rd edition",
        "First",
    )


@pytest.mark.parametrize(
    ("href", "parameters", "launch"),
    [
        ("a.html", None, "a.html"),
        ("a.html", "?x=1", "a.html?x=1"),
        ("a.html", "&x=1", "a.html?x=1"),
        ("a.html?y=2", "x=1", "a.html?y=2&x=1"),
        ("a.html?y=2", "?&x=1", "a.html?y=2&x=1"),
        ("a.html", "#part", "a.html#part"),
        ("a.html#top", "#part", "a.html#top"),
    ],
)
def test_parameters_follow_the_ims_rules(href, parameters, launch):
    assert add_parameters(href, parameters) == launch
