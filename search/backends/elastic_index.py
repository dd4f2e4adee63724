"""What the Elasticsearch backend sends: index settings and mappings, documents and query bodies.

Built with ``elasticsearch.dsl`` and kept apart from the client calls, so it can be tested
as data without a server.

Each language gets its own analyzer (standard tokenizer, lower case, that language's stop
words from ``search.stopwords``, its Snowball stemmer, ASCII folding), the same chain the
embedded backend runs in Python. Latvian and Icelandic use the light stemmers of
``search.light_stemming`` as ``pattern_replace`` filters, so both backends stem them alike.
A document's title and body go into the fields of its own language (``title_nb``,
``body_nb``) and into language-neutral folded fields; the folded fields' search analyzer
carries the glossary as a synonym filter, which is what matches a query across languages.

Compounds: the languages of ``search.lexicon.COMPOUNDING_LANGUAGES`` split compounds with a
``dictionary_decompounder`` against the word list ``lexicon.compound_word_list`` writes
(``manage.py search_word_lists DIR`` into the nodes' config directory), the same list the
embedded backend splits with. Typos: a fuzzy clause with ``AUTO:4,8`` (one edit from 4
letters, two from 8, as ``search.vocabulary``), weighted below exact matches so a word that
matches as typed always outranks its corrections. Exact phrases in titles and text are boosted.
"""

from __future__ import annotations

from collections.abc import Sequence

from elasticsearch.dsl import Index, Mapping, Q, Search, analyzer, token_filter

from search.analysis import SNOWBALL_LANGUAGES, search_languages
from search.documents import SearchDocument
from search.glossary import synonym_lines
from search.lexicon import COMPOUNDING_LANGUAGES, MIN_PART
from search.light_stemming import LIGHT_ENDINGS, light_pattern
from search.query import AnalysedQuery
from search.stopwords import stop_words

#: The fields a hit needs (not the text): kept small so large result sets stay cheap.
HIT_FIELDS = [
    "page_id", "translation_key", "language", "content_type", "topic", "audience", "languages", "title",
]  # fmt: skip
KEYWORDS = ["translation_key", "language", "content_type", "topic", "audience", "languages"]
TITLE_BOOST = 4
#: The same rule as search.vocabulary.allowed_edits: 0 edits below 4 letters, 1 below 8, else 2.
FUZZINESS = "AUTO:4,8"
FUZZY_BOOST = 0.2
PHRASE_BOOST = 8


def word_list_path(language: str) -> str:
    """Where the decompounder's word list lives, relative to the Elasticsearch config directory."""
    return f"analysis/nordpeer-compounds-{language}.txt"


def _decompounder(language: str):
    return token_filter(
        f"nordpeer_decompound_{language}",
        "dictionary_decompounder",
        word_list_path=word_list_path(language),
        min_word_size=8,
        min_subword_size=MIN_PART,
        only_longest_match=True,
    )


def _stemmer(language: str):
    if language in LIGHT_ENDINGS:
        return token_filter(
            f"nordpeer_light_stem_{language}",
            "pattern_replace",
            pattern=light_pattern(language),
            replacement="$1",
        )
    if language in SNOWBALL_LANGUAGES:
        return token_filter(
            f"nordpeer_stem_{language}", "snowball", language=SNOWBALL_LANGUAGES[language].capitalize()
        )
    return None


def language_analyzer(language: str):
    """The analyzer of one language: lower case, stop words, stemmer, folding."""
    filters = ["lowercase"]
    if language in COMPOUNDING_LANGUAGES:
        # Before stemming, as in search.terms: the parts are kept beside the whole word.
        filters.append(_decompounder(language))
    stops = sorted(stop_words(language))
    if stops:
        filters.append(token_filter(f"nordpeer_stop_{language}", "stop", stopwords=stops))
    stemmer = _stemmer(language)
    if stemmer is not None:
        filters.append(stemmer)
    filters.append("asciifolding")
    return analyzer(f"nordpeer_{language}", tokenizer="standard", filter=filters)


FOLDED = analyzer("nordpeer_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])


def folded_search_analyzer(synonyms: Sequence[Sequence[str]]):
    """Folding plus the glossary: each concept's terms in every language are synonyms."""
    glossary = token_filter(
        "nordpeer_glossary",
        "synonym_graph",
        synonyms=[", ".join(terms) for terms in synonyms],
        lenient=True,
    )
    return analyzer(
        "nordpeer_folded_search", tokenizer="standard", filter=["lowercase", "asciifolding", glossary]
    )


def index_definition(name: str, synonyms: Sequence[Sequence[str]] | None = None) -> Index:
    """The index ``name`` with its analysis settings and mappings."""
    synonyms = synonym_lines() if synonyms is None else synonyms
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=1, max_result_window=10_000)
    mapping = Mapping()
    mapping.field("page_id", "long")
    for keyword in KEYWORDS:
        mapping.field(keyword, "keyword")
    mapping.field("url", "keyword", index=False)
    mapping.field("summary", "text", index=False)
    mapping.field("body", "text", index=False)
    mapping.field("title", "keyword", index=False)
    for date in ("published_at", "starts_at"):
        mapping.field(date, "date")
    mapping.field("year", "short")
    search_folded = folded_search_analyzer(synonyms)
    for part in ("title", "body"):
        mapping.field(f"{part}_folded", "text", analyzer=FOLDED, search_analyzer=search_folded)
        for language in search_languages():
            mapping.field(f"{part}_{language}", "text", analyzer=language_analyzer(language))
    index.mapping(mapping)
    return index


def document_body(document: SearchDocument) -> dict:
    """The JSON stored for one document: its fields, plus its text in its language's fields."""
    text = f"{document.summary}\n{document.body}"
    return {
        "page_id": document.page_id,
        "translation_key": document.translation_key,
        "language": document.language,
        "content_type": document.content_type,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "url": document.url,
        "topic": document.topic,
        "audience": document.audience,
        "languages": list(document.languages),
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "starts_at": document.starts_at.isoformat() if document.starts_at else None,
        "year": document.year,
        f"title_{document.language}": document.title,
        f"body_{document.language}": text,
        "title_folded": document.title,
        "body_folded": text,
    }


def search_body(query: AnalysedQuery, limit: int) -> dict:
    """The request body of a search: per language, and folded with the glossary; best ``limit`` hits."""
    operator = "and" if query.match_all else "or"
    should = [
        Q(
            "multi_match",
            query=query.text,
            type="cross_fields",
            operator=operator,
            fields=[f"title_{language}^{TITLE_BOOST}", f"body_{language}"],
        )
        for language in search_languages()
    ]
    should.append(
        Q(
            "multi_match",
            query=query.text,
            type="cross_fields",
            operator=operator,
            fields=[f"title_folded^{TITLE_BOOST}", "body_folded"],
        )
    )
    should.append(
        Q(
            "multi_match",
            query=query.text,
            type="most_fields",
            operator=operator,
            fields=["title_folded", "body_folded"],
            fuzziness=FUZZINESS,
            prefix_length=1,
            boost=FUZZY_BOOST,
        )
    )
    phrases = [
        Q("match_phrase", **{field: {"query": query.text, "boost": boost}})
        for field, boost in (("title_folded", PHRASE_BOOST * TITLE_BOOST), ("body_folded", PHRASE_BOOST))
    ]
    bool_query = Q("bool", should=should, minimum_should_match=1)
    # Phrases only raise the score of what matched: a should clause of a bool that must match.
    search = Search().query(Q("bool", must=[bool_query], should=phrases))
    search = search.source(HIT_FIELDS).extra(size=limit, track_total_hits=False)
    return search.to_dict()


def autocomplete_body(prefixes: Sequence[str], limit: int) -> dict:
    """Titles with a word starting with each prefix (prefixes are folded already)."""
    must = [Q("prefix", title_folded={"value": prefix}) for prefix in prefixes]
    search = Search().query(Q("bool", must=must)).source(HIT_FIELDS).extra(size=limit)
    return search.to_dict()


def find_body(pairs: Sequence[tuple[str, str]]) -> dict:
    """Documents by (translation_key, language)."""
    should = [
        Q("bool", filter=[Q("term", translation_key=key), Q("term", language=language)])
        for key, language in pairs
    ]
    search = Search().query(Q("bool", should=should, minimum_should_match=1)).extra(size=len(pairs))
    return search.to_dict()
