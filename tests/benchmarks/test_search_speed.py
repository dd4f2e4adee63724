"""Search speed on the embedded backend: 10,000 documents in 9 languages.

Prints reindexing throughput (documents analysed and written per second) and query
latency (p50/p95) for the backend's match alone and for a whole results page (grouping,
facets, snippets). Goals: p95 < 50 ms, >= 500 documents/s. Run: `make benchmark`.

Each language's vocabulary is its real words from the search tests' texts plus made-up
words built from their syllables, 3,000 in all, used with Zipf-like frequencies as in
real text. Queries are one to three words of middling frequency; the worst case, a query
for one of a language's commonest words (matching most of that language's documents),
is measured apart.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid

from search.analysis import words
from search.backends.embedded import embedded_backend
from search.documents import SearchDocument
from search.query import MAX_HITS, SearchRequest, analyse_query
from search.service import search
from tests.search import corpus
from website.languages import language_codes

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


def test_embedded_search_speed(db):
    rng = random.Random(5)
    vocab = vocabulary()
    documents = library(rng, vocab)
    backend = embedded_backend()

    started = time.perf_counter()
    backend.rebuild(documents)
    rate = len(documents) / (time.perf_counter() - started)
    assert backend.count() == DOCUMENTS

    languages = language_codes()
    queries = []
    for _ in range(QUERIES):
        code = rng.choice(languages)
        middling = vocab[code][20:1500]
        queries.append((" ".join(rng.sample(middling, rng.choice([1, 1, 2, 3]))), rng.choice(languages)))
    common = [(rng.choice(vocab[code][:5]), code) for code in languages for _ in range(10)]
    for text, reader in queries[:20]:  # warm caches, as a running site has them
        search(SearchRequest(text=text, language=reader), backend=backend)
    match_ms = [timed(lambda t=text: backend.match(analyse_query(t), MAX_HITS)) for text, _reader in queries]
    page_ms = [
        timed(lambda t=text, r=reader: search(SearchRequest(text=t, language=r), backend=backend))
        for text, reader in queries
    ]
    common_ms = [
        timed(lambda t=text, r=reader: search(SearchRequest(text=t, language=r), backend=backend))
        for text, reader in common
    ]
    print(
        f"\nSearch speed on {backend.name}, {DOCUMENTS} documents in {len(languages)} languages:"
        f"\n  reindex: {rate:.0f} documents/s (goal >= 500)"
        f"\n  match:        p50 {statistics.median(match_ms):.1f} ms, p95 {percentile(match_ms, 0.95):.1f} ms"
        f"\n  results page: p50 {statistics.median(page_ms):.1f} ms, p95 {percentile(page_ms, 0.95):.1f} ms"
        " (goal p95 < 50 ms)"
        f"\n  worst case, a very common word: p50 {statistics.median(common_ms):.1f} ms,"
        f" p95 {percentile(common_ms, 0.95):.1f} ms"
    )
