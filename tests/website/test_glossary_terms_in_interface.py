"""The interface speaks the glossary's language: no translated interface string (msgstr) uses a
term the glossary marks as not preferred for that language (an "other term" of a concept)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings

from website.glossary_terms import non_preferred_uses, term_list

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_interface_string_uses_a_non_preferred_term(code):
    catalogue = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    problems = []
    for entry in catalogue.translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            for found, preferred in non_preferred_uses(text, code):
                problems.append(f"{entry.msgid[:60]!r}: {found!r}, the glossary prefers {preferred!r}")
    assert not problems, f"{code}: " + "\n".join(problems)


def test_the_check_finds_inflected_non_preferred_terms():
    assert non_preferred_uses("Peer-medarbejdere mødes", "da") == [("Peer-medarbejdere", "peermedarbejder")]
    assert non_preferred_uses("Ny som peer supporter", "sv") == [("peer supporter", "brukarmedarbetare")]
    assert non_preferred_uses("Ny som brukarmedarbetare", "sv") == []


def test_swedish_and_norwegian_use_the_networks_own_role_names():
    assert "brukarmedarbetare" in term_list("sv").preferred
    assert "erfaringskonsulent" in term_list("nb").preferred
