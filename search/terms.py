"""What a document's words become in the index, and what a query word may stand for.

A document word gives one *position* holding several terms: its stem (the first, which
phrases are made of), its lemma, and the stem and lemma of each part when it is a
compound. PostgreSQL stores them at one position, so phrases still match across them;
SQLite FTS5 has no shared positions, so the extra terms follow the word and phrases are
matched there with NEAR (see ``search.backends.embedded``).

A query word, whose language is unknown, stands for its stem and its lemma in every language.
"""

from __future__ import annotations

from functools import lru_cache

from search.analysis import fold, search_languages, stem, stemmer, words
from search.lexicon import compound_parts, has_lemmas, lemma
from search.stopwords import stop_words


@lru_cache(maxsize=200_000)
def word_terms(language: str, word: str) -> tuple[str, ...]:
    """The index terms of one lower-cased document ``word``: its stem first, then the other forms."""
    stem_word = stemmer(language)
    found = [fold(stem_word(word))]
    if has_lemmas(language):
        found.append(fold(lemma(language, word)))
    for part in compound_parts(language, word):
        found.append(fold(stem_word(part)))
        found.append(fold(lemma(language, part)))
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=200_000)
def word_forms(language: str, word: str) -> frozenset[str]:
    """The stem and the lemma of one lower-cased ``word`` in ``language``, folded."""
    found = {stem(language, word)}
    if has_lemmas(language):
        found.add(fold(lemma(language, word)))
    return frozenset(found)


def positions(text: str, language: str) -> list[tuple[str, ...]]:
    """The terms of ``text`` written in ``language``, one tuple per word that counts (stop words out)."""
    stops = stop_words(language)
    return [word_terms(language, w) for w in words(text) if w not in stops]


@lru_cache(maxsize=8192)
def query_variants(word: str) -> frozenset[str]:
    """Every term a query ``word`` may stand for: its stem and lemma in each of the site's languages."""
    return frozenset().union(*(word_forms(language, word) for language in search_languages()))
