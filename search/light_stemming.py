"""Light stemmers for Latvian and Icelandic, which Snowball (and so PyStemmer) does not cover.

Decision: both languages get a *light* stemmer that strips the commonest inflectional
endings of nouns and adjectives (case and number), keeping at least three letters of stem.
That joins the forms a reader is most likely to meet ("atbalsts", "atbalsta", "atbalstu";
"stuðningur", "stuðnings") without the over-stemming a cruder rule set would cause. Verbs are
left mostly alone. The rule is one regular expression per language, so the Elasticsearch
backend applies exactly the same rule through a ``pattern_replace`` token filter.
"""

from __future__ import annotations

import re

#: Endings, longest first, so the longest matching ending is removed.
LIGHT_ENDINGS: dict[str, tuple[str, ...]] = {
    # Latvian: noun declensions and definite adjectives (-ajiem, -ajām, -ajā, ...).
    "lv": (
        "ajiem", "ajām", "ajai", "ajam", "ajos", "ajās", "iem", "ām", "ās", "os", "as", "us", "is",
        "es", "ai", "am", "em", "im", "um", "ei", "ie", "a", "e", "i", "u", "s", "š", "ā", "ē", "ī", "o",
    ),
    # Icelandic: case and article endings (-unum, -anna, -inu, -sins, ...).
    "is": (
        "anna", "unum", "inum", "sins", "nir", "ins", "inn", "inu", "ina", "ana", "una", "um",
        "ar", "ir", "ur", "an", "in", "ið", "s", "a", "i", "u",
    ),
}  # fmt: skip

#: The minimum number of letters a stem keeps.
MIN_STEM = 3


def light_pattern(language: str) -> str:
    """The regular expression (Python and Java compatible) that strips one ending."""
    endings = sorted(LIGHT_ENDINGS[language], key=len, reverse=True)
    return "^(.{%d,}?)(?:%s)$" % (MIN_STEM, "|".join(endings))  # noqa: UP031 - shared with Java


_COMPILED = {language: re.compile(light_pattern(language)) for language in LIGHT_ENDINGS}


def light_stem(language: str, word: str) -> str:
    """``word`` without its inflectional ending, or unchanged when none applies."""
    return _COMPILED[language].sub(r"\1", word)
