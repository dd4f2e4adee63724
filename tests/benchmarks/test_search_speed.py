"""Search speed on the embedded backend: 10,000 documents in 9 languages.

Prints reindexing throughput (documents analysed and written per second) and query
latency (p50/p95) for the backend's match alone and for a whole results page (grouping,
facets, snippets). Goals: p95 < 50 ms, >= 500 documents/s. Run: `make benchmark`.

Each language's vocabulary is its real words from the search tests' texts plus made-up
words built from their syllables, 3,000 in all, used with Zipf-like frequencies as in
real text. Query shapes, each measured apart: one to three words of middling frequency; one of a
language's commonest words (matching most of its documents); a glossary term whose
concept names a very common word in every language (the broadest query there is); two
words run together as a compound; a word with a typo (corrected through the vocabulary);
a Danish, Norwegian or Swedish reader (the neighbour lookup).
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid

from wagtail.models import Locale

from search.analysis import words
from search.backends.embedded import embedded_backend
from search.documents import SearchDocument
from search.query import MAX_HITS, SearchRequest, analyse_query
from search.service import search
from tests.search import corpus
from website.languages import language_codes
from website.models import GlossaryTerm

DOCUMENTS = 10_000
QUERIES = 300


VOCABULARY = 3_000


def vocabulary() -> dict[str, list[str]]:
    """Real words of each language, from the search tests' texts."""
    found: dict[str, set[str]] = {code: set() for code in language_codes()}
    for texts in [*corpus.MATERIAL.values(), corpus.VIDEO, corpus.PUBLICATION, corpus.EVENT]:
        for code, values in texts.items():
            found[code].update(w for value in values for w in words(value) if len(w) > 3)
    for code, title in corpus.SECTION.items():
        found[code].update(words(title))
    for code, _title, summary, paragraph in corpus.SINGLE_LANGUAGE.values():
        found[code].update(words(f"{summary} {paragraph}"))
    for concept in corpus.GLOSSARY:
        for code, (term, _others) in concept.items():
            found[code].update(words(term))
    rng = random.Random(9)
    vocab = {}
    for code, real in found.items():
        syllables = sorted({w[i : i + 3] for w in real for i in range(0, len(w) - 2, 3)})
        made = {"".join(rng.choices(syllables, k=rng.choice([2, 3, 4]))) for _ in range(VOCABULARY * 2)}
        vocab[code] = sorted(real) + sorted(made - real)[: VOCABULARY - len(real)]
        rng.shuffle(vocab[code])
    return vocab


#: Zipf-like weights: the n-th word is used in proportion to 1/n.
WEIGHTS = [1 / (rank + 1) for rank in range(VOCABULARY)]


def library(rng: random.Random, vocab: dict[str, list[str]]) -> list[SearchDocument]:
    languages = language_codes()
    documents = []
    for number in range(DOCUMENTS // len(languages) + 1):
        key = str(uuid.UUID(int=rng.getrandbits(128)))
        for code in languages:
            if len(documents) == DOCUMENTS:
                return documents
            pick = vocab[code]

            def text(k: int, pick=pick) -> str:
                return " ".join(rng.choices(pick, weights=WEIGHTS[: len(pick)], k=k))

            documents.append(
                SearchDocument(
                    page_id=len(documents) + 1, translation_key=key, language=code,
                    content_type=rng.choice(["material", "video", "publication", "event"]),
                    title=text(6), summary=text(20), body=text(250), url=f"/{code}/m{number}/",
                    audience=rng.choice(["everyone", "students", "employers"]), languages=tuple(languages),
                )
            )  # fmt: skip
    return documents


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def glossary(vocab: dict[str, list[str]]) -> list[list[str]]:
    """Five concepts, each named in every language by one of its commonest words: the broadest queries."""
    concepts = []
    for rank in range(5):
        key = uuid.uuid4()
        terms = []
        for code in language_codes():
            term = vocab[code][rank]
            GlossaryTerm.objects.create(
                locale=Locale.objects.get(language_code=code), translation_key=key, term=term, definition=term
            )
            terms.append(term)
        concepts.append(terms)
    return concepts


def typo(rng: random.Random, word: str) -> str:
    """``word`` with one letter replaced, dropped or doubled."""
    at = rng.randrange(1, len(word) - 1)
    change = rng.choice(["replace", "drop", "double"])
    if change == "replace":
        return word[:at] + rng.choice("aeioukrst") + word[at + 1 :]
    if change == "drop":
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at] + word[at:]


def query_shapes(rng: random.Random, vocab: dict[str, list[str]], concepts: list[list[str]]) -> dict:
    """{shape: [(query text, reader's language)]}."""
    languages = language_codes()
    shapes: dict[str, list[tuple[str, str]]] = {
        name: [] for name in ("words", "common word", "glossary", "compound", "typo", "neighbour reader")
    }
    for _ in range(QUERIES):
        code = rng.choice(languages)
        middling = vocab[code][20:1500]
        reader = rng.choice(languages)
        shapes["words"].append((" ".join(rng.sample(middling, rng.choice([1, 1, 2, 3]))), reader))
        shapes["compound"].append(("".join(rng.sample(middling, 2)), reader))
        long_words = [w for w in middling if len(w) >= 6]
        shapes["typo"].append((typo(rng, rng.choice(long_words)), reader))
        shapes["neighbour reader"].append((rng.choice(middling), rng.choice(["da", "nb", "sv"])))
    for code in languages:
        for _ in range(10):
            shapes["common word"].append((rng.choice(vocab[code][:5]), code))
            shapes["glossary"].append((rng.choice(rng.choice(concepts)), rng.choice(languages)))
    return shapes


def test_embedded_search_speed(site, db):
    rng = random.Random(5)
    vocab = vocabulary()
    documents = library(rng, vocab)
    backend = embedded_backend()
    concepts = glossary(vocab)

    started = time.perf_counter()
    backend.rebuild(documents)
    rate = len(documents) / (time.perf_counter() - started)
    assert backend.count() == DOCUMENTS

    shapes = query_shapes(rng, vocab, concepts)
    for text, reader in (
        shapes["words"][:20] + shapes["glossary"][:5]
    ):  # warm caches, as a running site has them
        search(SearchRequest(text=text, language=reader), backend=backend)
    match_ms = [
        timed(lambda t=text: backend.match(analyse_query(t), MAX_HITS)) for text, _r in shapes["words"]
    ]
    lines = [
        f"\nSearch speed on {backend.name}, {DOCUMENTS} documents in {len(language_codes())} languages:",
        f"  reindex: {rate:.0f} documents/s (goal >= 500)",
        f"  match only, words:  p50 {statistics.median(match_ms):.1f} ms,"
        f" p95 {percentile(match_ms, 0.95):.1f} ms",
        "  results page (goal p95 < 50 ms for every shape):",
    ]
    for shape, queries in shapes.items():
        page_ms = [
            timed(lambda t=text, r=reader: search(SearchRequest(text=t, language=r), backend=backend))
            for text, reader in queries
        ]
        lines.append(
            f"    {shape:<17} p50 {statistics.median(page_ms):6.1f} ms,"
            f" p95 {percentile(page_ms, 0.95):6.1f} ms"
            f"  ({len(queries)} queries)"
        )
    # Timings on a shared machine are only comparable at a similar load: say what it was.
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    lines.append(f"  load average (1, 5, 15 min) after measuring: {load}")
    print("\n".join(lines))
