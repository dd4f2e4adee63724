"""The index's vocabulary: typo correction and the Scandinavian neighbours look words up here.

Every word of the indexed documents is recorded once per language (``IndexedWord``), with
the glossary's words beside them. Each process keeps the words in memory, reads only the
rows added since its last look, and starts over when a rebuild bumps the version.

Typo correction (``correction``): a word that matches nothing is replaced by the nearest
word of the vocabulary within edit distance 1 for words of 4–7 letters and 2 from 8 letters
(transpositions count once, as in Elasticsearch's fuzziness ``AUTO:4,8``); the more common
word wins a tie. Shorter words are never corrected: too many words are one letter apart.

Scandinavian neighbours (``neighbours``): Danish, Norwegian and Swedish spell many shared
words slightly differently ("håndbog"/"håndbok", "arbejdsgiver"/"arbeidsgiver"). Decision:
folding rules rather than edit distance. A word's *skeleton* levels the regular differences
(æ/ä → e, ø/ö → o, å/aa → a, ej → ei, soft b/d/g after a vowel → p/t/k, av/af before a
consonant → au/av as in "tavshed"/"taushet" and "aftale"/"avtale", doubled letters single),
and a query word also matches the vocabulary's Danish, Norwegian and Swedish words
with the same skeleton. Rules, unlike a distance, join only these regular spellings, so
"bog" does not meet every three-letter word; and only words that occur in the index are
added. It applies to readers whose fallback chain reaches one of the three languages.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.analysis import MAX_WORD_LENGTH, fold, words
from search.documents import SearchDocument
from search.glossary import glossary_words
from search.models import IndexedWord
from website.languages import fallback_chain

SCANDINAVIAN = ("da", "nb", "sv")
VERSION_KEY = "search:vocabulary-version"
#: Words shorter than this are never corrected.
MIN_CORRECTED = 4
#: From this length two edits are allowed.
TWO_EDITS_FROM = 8
#: Numbers and one- or two-letter words are no use to either lookup.
MIN_RECORDED = 3

_SKELETON_LETTERS = str.maketrans({"æ": "e", "ä": "e", "ø": "o", "ö": "o", "å": "a"})
_SOFT_CONSONANT = re.compile(r"(?<=[aeiouy])([bdg])")
_HARD = {"b": "p", "d": "t", "g": "k"}
_DOUBLE = re.compile(r"(.)\1+")
_AV = re.compile(r"av(?=[^aeiouy])")


def skeleton(word: str) -> str:
    """The Scandinavian spelling skeleton of a lower-case word: "håndbog" and "håndbok" → "handbok"."""
    text = word.translate(_SKELETON_LETTERS).replace("aa", "a").replace("ej", "ei")
    text = _SOFT_CONSONANT.sub(lambda m: _HARD[m.group(1)], fold(text))
    text = _AV.sub("au", text.replace("aft", "avt"))
    return _DOUBLE.sub(r"\1", text)


def allowed_edits(word: str) -> int:
    if len(word) < MIN_CORRECTED:
        return 0
    return 2 if len(word) >= TWO_EDITS_FROM else 1


def document_words(document: SearchDocument) -> set[str]:
    text = f"{document.title}\n{document.summary}\n{document.body}"
    return {w for w in words(text) if len(w) >= MIN_RECORDED and not w.isdigit()}


def count_words(documents: Iterable[SearchDocument], counts: Counter | None = None) -> Counter:
    """How many of ``documents`` have each (word, language), added to ``counts``."""
    counts = Counter() if counts is None else counts
    for document in documents:
        counts.update((w, document.language) for w in document_words(document))
    return counts


def record(counts: Counter) -> None:
    """Add words to the vocabulary; words it has already keep their count."""
    rows = [IndexedWord(word=w, language=lang, documents=n) for (w, lang), n in counts.items()]
    IndexedWord.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)


def clear() -> None:
    """Empty the vocabulary before a rebuild; processes reload it once the rebuild commits."""
    IndexedWord.objects.all().delete()
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    # Again once committed: a process may have reloaded the old words meanwhile.
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


class Vocabulary:
    """The words in memory: folded forms for correction, skeletons for the neighbours."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.last_id = 0
        #: folded word -> (the word as written, how many documents have it)
        self.words: dict[str, tuple[str, int]] = {}
        self.folded: list[str] = []
        #: Every word as written, for the compound splitter.
        self.written: set[str] = set()
        self.skeletons: dict[str, set[str]] = defaultdict(set)
        self.glossary: frozenset[str] = frozenset()

    def add(self, word: str, language: str, documents: int) -> None:
        folded = fold(word)
        self.written.add(word)
        known = self.words.get(folded)
        if known is None:
            self.folded.append(folded)
        # The commonest spelling stands for the folded form; the counts add up.
        if known is None:
            self.words[folded] = (word, documents)
        else:
            self.words[folded] = (word if documents > known[1] else known[0], documents + known[1])
        if language in SCANDINAVIAN:
            self.skeletons[skeleton(word)].add(word)

    def catch_up(self) -> None:
        rows = IndexedWord.objects.filter(pk__gt=self.last_id).order_by("pk")
        for pk, word, language, documents in rows.values_list("pk", "word", "language", "documents"):
            self.add(word, language, documents)
            self.last_id = pk
        glossary = glossary_words()
        if glossary is self.glossary:
            return  # the same glossary as at the last look (kept per process, see search.glossary)
        for word in glossary - self.glossary:
            if len(word) <= MAX_WORD_LENGTH:
                self.add(word, "", 1)
        self.glossary = glossary

    def correction(self, word: str) -> str | None:
        """The vocabulary's nearest word to a ``word`` that matched nothing, or None."""
        edits = allowed_edits(word)
        folded = fold(word)
        if not edits or folded in self.words:
            return None
        found = process.extract(
            folded, self.folded, scorer=OSA.distance, score_cutoff=edits, limit=20, processor=None
        )
        if not found:
            return None
        best = min(found, key=lambda match: (match[1], -self.words[match[0]][1], match[0]))
        return self.words[best[0]][0]

    def neighbours(self, word: str) -> set[str]:
        """The Danish, Norwegian and Swedish words spelt like ``word`` but for the regular differences."""
        if len(word) < MIN_CORRECTED:
            return set()
        return self.skeletons.get(skeleton(word), set()) - {word}

    def knows(self, word: str) -> bool:
        return word in self.written


class ReaderWords:
    """The vocabulary as one reader's query sees it: neighbours only where the fallback chain shows them."""

    def __init__(self, words: Vocabulary, language: str) -> None:
        self.vocabulary = words
        self.scandinavian = reaches_scandinavian(language)

    def neighbours(self, word: str) -> set[str]:
        return self.vocabulary.neighbours(word) if self.scandinavian else set()

    def knows(self, word: str) -> bool:
        return self.vocabulary.knows(word)


def for_reader(language: str) -> ReaderWords:
    return ReaderWords(vocabulary(), language)


_local = threading.local()


def vocabulary() -> Vocabulary:
    """This process's vocabulary, brought up to date."""
    version = cache.get(VERSION_KEY) or ""
    current: Vocabulary | None = getattr(_local, "vocabulary", None)
    if current is None or current.version != version:
        current = _local.vocabulary = Vocabulary(version)
    current.catch_up()
    return current


def reaches_scandinavian(language: str) -> bool:
    """Whether the reader's fallback chain shows Danish, Norwegian or Swedish pages."""
    return bool(language) and any(code in SCANDINAVIAN for code in fallback_chain(language))
