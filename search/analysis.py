"""Language analysis: tokens, stop words, stemming per language, and folding of special letters.

A document is analysed in its own language: its words are lower-cased, stop words are
dropped, the rest are stemmed with that language's Snowball stemmer (PyStemmer) and then
*folded*: special letters become plain ones (å → a, ø → o, æ → ae, þ → th, ð → d, š → s,
ā → a, ...). Folding after stemming keeps the stemmer working on real words while letting a
query typed on a keyboard without those letters find them.

A query's language is not known (a Swedish reader may type an English word), so each
query word is stemmed in every language and any of those stems may match; the index decides.

Latvian and Icelandic have no Snowball stemmer: they use the light stemmers of
``search.light_stemming`` (see there for why). A language added to the site later
without a stemmer here is folded but not stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

import Stemmer
from django.conf import settings

from search.light_stemming import LIGHT_ENDINGS, light_stem
from search.stopwords import ANY_LANGUAGE, stop_words

#: The Snowball algorithm of each language that has one.
SNOWBALL_LANGUAGES: dict[str, str] = {
    "en": "english",
    "nb": "norwegian",
    "da": "danish",
    "sv": "swedish",
    "fi": "finnish",
    "et": "estonian",
    "lt": "lithuanian",
    "de": "german",
}

#: Letters that Unicode decomposition does not turn into a plain letter and an accent.
_SPECIAL_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d", "đ": "d", "ł": "l", "ı": "i"}
)
_WORD = re.compile(r"[^\W_]+")
#: Longer "words" are noise (hashes, URLs run together); they are not indexed.
MAX_WORD_LENGTH = 40


class _FoldTable(dict):
    """str.translate's table, filled one letter at a time: each letter is decomposed once per process."""

    def __missing__(self, codepoint: int) -> str:
        letter = chr(codepoint).translate(_SPECIAL_LETTERS)
        decomposed = unicodedata.normalize("NFKD", letter)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[codepoint] = plain
        return plain


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """``text`` lower-cased, special letters made plain: "Støtte på Þingvöllum" → "stotte pa thingvollum"."""
    text = text.lower()
    if text.isascii():
        return text
    return text.translate(_FOLD)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order."""
    return [w for w in _WORD.findall(text.lower()) if len(w) <= MAX_WORD_LENGTH]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) of every word of ``text``, for highlighting."""
    return [
        (m.start(), m.end(), m.group().lower())
        for m in _WORD.finditer(text)
        if m.end() - m.start() <= MAX_WORD_LENGTH
    ]


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The stemming function of ``language`` (identity where there is none)."""
    if language in SNOWBALL_LANGUAGES:
        return Stemmer.Stemmer(SNOWBALL_LANGUAGES[language]).stemWord
    if language in LIGHT_ENDINGS:
        return lambda word: light_stem(language, word)
    return lambda word: word


def stem(language: str, word: str) -> str:
    """The folded stem of one lower-cased ``word`` in ``language``."""
    return fold(stemmer(language)(word))


def analyse(text: str, language: str) -> list[str]:
    """The index terms of ``text`` written in ``language``: stop words out, stemmed, folded."""
    stops = stop_words(language)
    stem_word = stemmer(language)
    return [fold(stem_word(w)) for w in words(text) if w not in stops]


def search_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def query_words(text: str) -> list[str]:
    """The words of a query that count: stop words (of any language) dropped, unless nothing else is left."""
    found = words(text)
    meaningful = [w for w in found if w not in ANY_LANGUAGE]
    return meaningful or found
