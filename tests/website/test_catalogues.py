"""Every interface language has a complete gettext catalogue that covers the project's strings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.requirements import require

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
#: The folders whose strings are in the catalogues (makemessages walks them).
SOURCE_DIRS = ["website", "lms", "search", "placements", "supervision", "operations"]
#: Files makemessages reads for the "django" domain.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")


def catalogue_path(root: Path, code: str) -> Path:
    return root / code / "LC_MESSAGES" / "django.po"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def describe(entries) -> str:
    return "; ".join(repr(entry.msgid[:60]) for entry in entries[:10])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_but_english_has_a_catalogue(code):
    assert catalogue_path(LOCALE_DIR, code).is_file(), f"locale/{code}/LC_MESSAGES/django.po is missing"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(code):
    catalogue = polib.pofile(str(catalogue_path(LOCALE_DIR, code)))
    assert len(catalogue.translated_entries()) > 0
    untranslated = catalogue.untranslated_entries()
    fuzzy = catalogue.fuzzy_entries()
    assert not untranslated, f"{code}: {len(untranslated)} untranslated: {describe(untranslated)}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy: {describe(fuzzy)}"
    assert catalogue.metadata.get("Language") == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(code):
    wrong = []
    for entry in polib.pofile(str(catalogue_path(LOCALE_DIR, code))).translated_entries():
        if entry.msgid_plural:
            allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
            wrong += [
                entry.msgid for text in entry.msgstr_plural.values() if set(placeholders(text)) - allowed
            ]
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(f"{entry.msgid!r} -> {entry.msgstr!r}")
    assert not wrong, f"{code}: placeholders differ in " + "; ".join(wrong[:10])


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_compiles_without_format_errors(code, tmp_path):
    msgfmt = shutil.which("msgfmt")
    require(msgfmt is not None, "msgfmt (gettext)", "`make system-packages` installs it")
    result = subprocess.run(  # noqa: S603 - our own command on the repository's catalogue
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(catalogue_path(LOCALE_DIR, code))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _copy_sources(target: Path) -> None:
    base = Path(settings.BASE_DIR)
    shutil.copy2(base / "manage.py", target / "manage.py")
    for folder in [*SOURCE_DIRS, "locale"]:
        for path in (base / folder).rglob("*"):
            if (
                path.is_file()
                and "__pycache__" not in path.parts
                and path.suffix in {*SOURCE_SUFFIXES, ".po"}
            ):
                destination = target / path.relative_to(base)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    """The catalogues as `makemessages` makes them from today's code, in a copy of the project."""
    require(shutil.which("xgettext") is not None, "xgettext (gettext)", "`make system-packages` installs it")
    copy = tmp_path_factory.mktemp("messages")
    _copy_sources(copy)
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location"]
    for code in LANGUAGES:
        command += ["-l", code]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.dev", "PYTHONPATH": str(copy)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - manage.py of our own copy, fixed arguments
        command, cwd=copy, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return copy / "locale"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_covers_every_string_of_the_code(regenerated, code):
    catalogue = polib.pofile(str(catalogue_path(regenerated, code)))
    untranslated = catalogue.untranslated_entries()
    fuzzy = catalogue.fuzzy_entries()
    assert not untranslated, f"{code}: not in the catalogue yet: {describe(untranslated)}"
    assert not fuzzy, f"{code}: changed in the code since translated: {describe(fuzzy)}"
