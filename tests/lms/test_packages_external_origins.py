"""Packages that load files from other sites: the check lists them, the editor is warned, and the
content policy allows only the origins the setting names (none by default)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from lms.content.isolation import content_security_policy
from lms.package_references import CSS_LOADS, HTML_LOADS, SCRIPT_LOADS, origins_in_text
from lms.packages import ingest_file
from tests.factories import make_user
from tests.factories_packages import h5p_files, make_zip, scorm_zip

JQUERY_PAGE = """<!doctype html><html><head>
<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
<link rel="stylesheet" href="//fonts.example.net/css?family=Open+Sans">
<script src="local.js"></script></head>
<body><a href="https://www.example.org/licence">licence</a>
<svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>"""
VIDEO_SCRIPT = """var tag = document.createElement('script');
tag.src = "https://www.youtube.com/iframe_api"; // see http://www.opensource.org/licenses/mit
var verb = "http://adlnet.gov/expapi/verbs/answered";"""

pytestmark = pytest.mark.django_db


def ingest_bytes(data: bytes, name: str):
    upload = io.BytesIO(data)
    upload.name = name
    return ingest_file(upload, title="External", language="en")


def test_loads_are_found_and_mentions_are_not():
    assert origins_in_text(JQUERY_PAGE, [HTML_LOADS, CSS_LOADS, SCRIPT_LOADS]) == {
        "https://code.jquery.com",
        "https://fonts.example.net",
    }
    assert origins_in_text(VIDEO_SCRIPT, [SCRIPT_LOADS]) == {"https://www.youtube.com"}
    assert origins_in_text("body { background: url('http://cdn.example.com:8080/a.png') }", [CSS_LOADS]) == {
        "http://cdn.example.com:8080"
    }


def test_a_scorm_package_lists_the_sites_it_loads_from():
    package = ingest_bytes(scorm_zip(extra={"page.html": JQUERY_PAGE}), "course.zip")
    assert package.manifest["external_origins"] == ["https://code.jquery.com", "https://fonts.example.net"]


def test_an_h5p_file_lists_youtube_from_its_library_and_content():
    files = {
        **h5p_files(),
        "H5P.Quiz-1.2/quiz.js": VIDEO_SCRIPT,
        "content/content.json": '{"sources": [{"path": "https:\\/\\/www.youtube.com\\/watch?v=abc"}]}',
    }
    package = ingest_bytes(make_zip(files), "video.h5p")
    assert package.manifest["external_origins"] == ["https://www.youtube.com"]


def test_a_self_contained_package_lists_nothing():
    assert ingest_bytes(make_zip(h5p_files()), "quiz.h5p").manifest["external_origins"] == []


def test_the_editor_is_warned_in_the_list_and_on_the_package(client, settings):
    settings.LMS_CONTENT_EXTERNAL_ORIGINS = ["https://fonts.example.net"]
    package = ingest_bytes(scorm_zip(extra={"page.html": JQUERY_PAGE}), "course.zip")
    client.force_login(make_user("admin", superuser=True))
    urls = "wagtailsnippets_lms_interactivepackage"
    listing = client.get(reverse(f"{urls}:list")).content.decode()
    inspect = client.get(reverse(f"{urls}:inspect", args=[package.pk])).content.decode()
    for page in (listing, inspect):
        assert "https://code.jquery.com" in page
        assert "https://fonts.example.net" not in page  # allowed, so no warning


def test_the_content_policy_allows_only_the_named_origins(rf, settings):
    request = rf.get("/content/files/x/index.html")
    assert "youtube" not in content_security_policy(request, player=False)
    settings.LMS_CONTENT_EXTERNAL_ORIGINS = ["https://www.youtube.com"]
    policy = dict(
        part.strip().split(" ", 1) for part in content_security_policy(request, player=True).split(";")
    )
    for directive in ("script-src", "img-src", "media-src", "frame-src", "connect-src", "style-src"):
        assert "https://www.youtube.com" in policy[directive], directive
