"""Each language addresses the reader one way (locale/README.md): a test fails when a translated
interface string slips into the other form, e.g. Estonian "teie" among "sina"."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"

#: Word forms of the form of address a language does NOT use (pronouns, and verb forms that
#: only that form of address takes). Words shared by both forms (Icelandic "þér") are left out.
OTHER_FORM = {
    # Estonian: "sina"; not the formal "teie", its verb forms or its imperatives in -ge/-ke.
    "et": r"te|teie|teid|teil|teile|teilt|teiega|olete|saate|võite|peate|soovite|näete|vajate|logite"
    r"|valige|sisestage|laadige|proovige|kontrollige|vaadake|lugege|andke|märkige|kasutage|avage|küsige"
    r"|logige|kinnitage|salvestage|saatke|võtke|jätke|kirjutage|minge|oodake|klõpsake|tõlkige|avaldage"
    r"|parandage|täitke|printige|lisage|muutke|looge|kustutage|registreeruge|liituge|vastake|alustage"
    r"|jätkake|lükake|hoidke|jälgige|planeerige|tehke|pange|vajutage|määrake|kutsuge|paluge|sulgege"
    r"|otsige|teatage|unustage|laske|tulge|olge",
    # Finnish: "sinä"; not "te".
    "fi": r"te|teidän|teille|teitä|teillä|olette|voitte|haluatte",
    # Latvian and Lithuanian: the plural "jūs"; not "tu".
    "lv": r"tu|tev|tevi|tavs|tava|tavu|tavā|tavi|tavas",
    "lt": r"tu|tau|tave|tavo|tavęs|tavimi",
    # Norwegian, Swedish and Danish: "du"; not the old formal "De"/"Ni" mid-sentence.
    "nb": r"(?<=\w )(?:De|Dem|Deres)",
    "da": r"(?<=\w )(?:De|Dem|Deres)",
    "sv": r"(?<=\w )(?:Ni|Er|Ert|Era)",
}


@pytest.mark.parametrize("code", sorted(OTHER_FORM))
def test_one_form_of_address(code):
    flags = 0 if code in ("nb", "da", "sv") else re.IGNORECASE
    pattern = re.compile(r"(?<!\w)(?:" + OTHER_FORM[code] + r")(?!\w)", flags)
    catalogue = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    problems = []
    for entry in catalogue.translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            words = [match.group(0) for match in pattern.finditer(text)]
            if words:
                problems.append(f"{entry.msgid[:60]!r}: {text[:80]!r} ({', '.join(words)})")
    assert not problems, f"{code}: " + "\n".join(problems)
