"""H5P validator rules beyond the file types: libraries' titles, preloaded files, language file names.

Each refusal names the file that is wrong, so the editor knows what to fix.
"""

from __future__ import annotations

import io
import json

import pytest

from lms.models import PackageStatus
from lms.models.packages import package_storage
from lms.packages import ingest_file
from tests.factories_packages import h5p_files, make_zip


def refusal(files: dict) -> str:
    upload = io.BytesIO(make_zip(files))
    upload.name = "exercise.h5p"
    package = ingest_file(upload, title="Exercise", language="en")
    assert package.status == PackageStatus.REFUSED, package.manifest
    assert not package_storage().exists(package.folder)
    return package.status_message


def with_library(files: dict, path: str, **changes) -> dict:
    library = json.loads(files[path])
    library.update(changes)
    return {**files, path: json.dumps(library)}


pytestmark = pytest.mark.django_db


def test_a_preloaded_script_missing_from_the_package_is_refused_by_name():
    files = with_library(h5p_files(), "H5P.Quiz-1.2/library.json", preloadedJs=[{"path": "scripts/quiz.js"}])

    message = refusal(files)

    assert "H5P.Quiz-1.2/library.json" in message
    assert "H5P.Quiz-1.2/scripts/quiz.js" in message and "preloadedJs" in message


def test_a_preloaded_style_missing_from_the_package_is_refused_by_name():
    files = with_library(
        h5p_files(), "H5P.Question-1.4/library.json", preloadedCss=[{"path": "styles/question.css"}]
    )

    assert "H5P.Question-1.4/styles/question.css" in refusal(files)


def test_preloaded_files_that_are_there_are_accepted():
    files = with_library(
        h5p_files(),
        "H5P.Quiz-1.2/library.json",
        preloadedJs=[{"path": "quiz.js"}],
        preloadedCss=[{"path": "quiz.css"}],
    )
    upload = io.BytesIO(make_zip(files))
    upload.name = "exercise.h5p"
    assert ingest_file(upload, title="Exercise", language="en").status == PackageStatus.READY


def test_a_library_without_a_title_is_refused_by_name():
    files = with_library(h5p_files(), "H5P.Question-1.4/library.json", title="  ")

    assert refusal(files) == "H5P.Question-1.4/library.json gives the library no title."


@pytest.mark.parametrize("name", ["nb_NO.json", "en.js.json", "1.json", "en-.json"])
def test_a_language_file_with_a_name_h5p_refuses_is_refused_by_name(name):
    files = {**h5p_files(), f"H5P.Quiz-1.2/language/{name}": "{}"}

    message = refusal(files)

    assert f"H5P.Quiz-1.2/language/{name}" in message


@pytest.mark.parametrize("name", ["nb.json", "zh-hans.json", "pt-BR.json", ".en.json"])
def test_language_files_named_as_h5p_does_are_accepted(name):
    files = {**h5p_files(), f"H5P.Quiz-1.2/language/{name}": "{}"}
    upload = io.BytesIO(make_zip(files))
    upload.name = "exercise.h5p"
    assert ingest_file(upload, title="Exercise", language="en").status == PackageStatus.READY
