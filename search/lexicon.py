"""Lemmas and compound splitting, from simplemma's maintained dictionaries (offline, all nine languages).

Stems and lemmas do different work: the Snowball stemmer cuts endings by rule and so
misses forms such as Estonian "käsiraamatut" (partitive of "käsiraamat") or Finnish
"toipumisesta" ("toipuminen"), which the lemmatiser's dictionary knows. Every word is
therefore indexed under its stem *and* its lemma, and a query word looks for both.

Decompounding (Norwegian, Danish, Swedish and Icelandic write most terms as one word):
a long word is split into the fewest parts that are each a word of the language, joined
by the linking letters the languages use ("arbeid-s-giver", "hjemm-e-tjeneste"). The word
list is simplemma's dictionary of the language (every inflected form it knows, so the last
part may be inflected), extended by the glossary and the index's own vocabulary at query
time (see ``search.vocabulary``). A word is kept whole as well: parts are added, not
substituted. ``compound_word_list`` gives Elasticsearch's ``dictionary_decompounder`` the
same list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterator
from functools import lru_cache

import simplemma
from simplemma.strategies import DefaultStrategy

from search.lexicon_store import MappedDictionaryFactory
from search.stopwords import ANY_LANGUAGE

#: Languages whose compounds are split (simplemma has a dictionary for each); Finnish and
#: Estonian compound as freely ("kogemusnõustajakäsiraamat").
COMPOUNDING_LANGUAGES = ("nb", "da", "sv", "is", "fi", "et")
#: simplemma names Norwegian Bokmål "nb"; the site's codes are the same for the rest.
_SIMPLEMMA_CODES = {code: code for code in ("nb", "da", "sv", "fi", "et", "lv", "lt", "is", "en")}
#: Shorter words are never split; shorter parts are never accepted (they over-split).
MIN_COMPOUND = 8
MIN_PART = 4
#: Letters that join the parts of a compound ("arbeid-s-giver", "barn-e-hage", "kvinn-o-rörelse").
LINKING = ("s", "e", "o")


#: One factory for the lemmatiser and the splitter: each dictionary is mapped once per process
#: (see ``search.lexicon_store``).
_DICTIONARIES = MappedDictionaryFactory()
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_DICTIONARIES))


def _dictionary(language: str):
    return _DICTIONARIES.get_dictionary(_SIMPLEMMA_CODES[language])


def _contains(language: str) -> Callable[[str], bool]:
    return _DICTIONARIES.contains(_SIMPLEMMA_CODES[language])


def _forms(language: str) -> Iterator[str]:
    return _DICTIONARIES.forms(_SIMPLEMMA_CODES[language])


def has_lemmas(language: str) -> bool:
    return language in _SIMPLEMMA_CODES


@lru_cache(maxsize=200_000)
def lemma(language: str, word: str) -> str:
    """The dictionary form of one lower-cased ``word`` (the word itself where the dictionary has none)."""
    if language not in _SIMPLEMMA_CODES:
        return word
    return _LEMMATIZER.lemmatize(word, lang=_SIMPLEMMA_CODES[language]).lower()


def is_word(language: str, word: str) -> bool:
    """Whether ``word`` (lower case, any inflected form) is in the language's dictionary."""
    return has_lemmas(language) and _contains(language)(word)


def _split(word: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The fewest known parts ``word`` is made of (longer parts win a tie), or () if it is not a compound."""
    length = len(word)
    # best[i]: the best split of word[i:], as (number of parts, -sum of squared lengths, parts).
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (length + 1)
    best[length] = (0, 0, ())
    for start in range(length - MIN_PART, -1, -1):
        found = None
        for end in range(start + MIN_PART, length + 1):
            if end == length and start == 0:
                continue  # the whole word is not a split of itself
            part = word[start:end]
            nexts = [end] + [end + 1 for link in LINKING if end < length and word[end] == link]
            if not known(part):
                continue
            for after in nexts:
                rest = best[after] if after <= length else None
                if rest is None or (after == end + 1 and after == length):
                    continue
                candidate = (rest[0] + 1, rest[1] - len(part) ** 2, (part, *rest[2]))
                if found is None or candidate[:2] < found[:2]:
                    found = candidate
        best[start] = found
    return best[0][2] if best[0] else ()


def _knows(in_dictionary: Callable[[str], bool], extra: Container[str]) -> Callable[[str], bool]:
    """Whether a part is a word; a first part may have lost its final vowel ("arbetsgivar-handbok")."""

    def known(part: str) -> bool:
        if part in ANY_LANGUAGE:
            return False  # "opplær-ingen": a stop word is never a part
        return any(form in extra or in_dictionary(form) for form in (part, part + "e", part + "a"))

    return known


@lru_cache(maxsize=200_000)
def compound_parts(language: str, word: str) -> tuple[str, ...]:
    """The parts of a compound ``word`` by the language's dictionary.

    "arbeidsgiverhåndbok" → ("arbeidsgiver", "håndbok").
    """
    if language not in COMPOUNDING_LANGUAGES or len(word) < MIN_COMPOUND or is_word(language, word):
        return ()  # a word the dictionary knows is not split: "handledning" is not "hand" + "ledning"
    return _split(word, _knows(_contains(language), frozenset()))


def split_with(
    word: str, extra: Collection[str], languages: Collection[str] = COMPOUNDING_LANGUAGES
) -> tuple[str, ...]:
    """The best split of a query ``word`` by any compounding language's dictionary plus ``extra`` words."""
    if len(word) < MIN_COMPOUND:
        return ()
    best: tuple[str, ...] = ()
    for language in languages:
        parts = _split(word, _knows(_contains(language), extra))
        if parts and (not best or len(parts) < len(best)):
            best = parts
    return best


def compound_word_list(language: str, vocabulary: Collection[str] = ()) -> list[str]:
    """The lower-case words Elasticsearch's ``dictionary_decompounder`` splits ``language``'s compounds by.

    Every form the dictionary knows that is long enough to be a part, plus ``vocabulary``
    (the glossary's words): the list ``compound_parts`` splits with. The decompounder runs
    before folding, so the words keep their letters.
    """
    # In the trie's own order, each form once: sorting ~3.5 million Finnish forms cost more
    # than reading them, and the decompounder does not care about the order.
    compounding = language in COMPOUNDING_LANGUAGES
    words = [form for form in _forms(language) if _is_part(form)] if compounding else []
    contains = _contains(language) if compounding else frozenset().__contains__

    def listed(word: str) -> bool:  # already in the dictionary's part of the list
        return _is_part(word) and contains(word)

    extra = {w for w in vocabulary if len(w) >= MIN_PART and w not in ANY_LANGUAGE and not listed(w)}
    return words + sorted(extra)


def _is_part(form: str) -> bool:
    return len(form) >= MIN_PART and form.isalpha() and form not in ANY_LANGUAGE
