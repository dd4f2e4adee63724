"""Machine translation through DeepL, with the network's glossary as a DeepL glossary.

wagtail-localize calls ``GlossaryDeepLTranslator`` (configured in settings when
``DEEPL_API_KEY`` is set) from its translation editor. Before translating, the
glossary's terms for the language pair (``GlossaryTerm`` snippets: one concept per
``translation_key``, one term per locale) are sent to DeepL as a glossary, and the
translation request names it, so the profession's terms come out the network's way.

DeepL glossaries cannot be changed once made, so a glossary's name carries a digest of
its entries: an unchanged glossary is reused, a changed one replaces the old one.

Language pairs: DeepL translates every site language but Icelandic, which it does not
offer, so no machine translation is offered into or out of Icelandic. Which pairs take
a glossary DeepL says itself (``/v2/glossary-language-pairs``); for a pair it does not
support, or when the glossary has no terms for the pair, the text is translated without
a glossary and a warning is logged: the translator reviews every machine suggestion in
the editor anyway.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from website.models import GlossaryTerm

logger = logging.getLogger(__name__)

#: Site language -> (DeepL source code, DeepL target code). Icelandic is not offered by DeepL.
DEEPL_LANGUAGES = {
    "en": ("EN", "EN-GB"),
    "nb": ("NB", "NB"),
    "sv": ("SV", "SV"),
    "da": ("DA", "DA"),
    "fi": ("FI", "FI"),
    "et": ("ET", "ET"),
    "lv": ("LV", "LV"),
    "lt": ("LT", "LT"),
}
#: DeepL takes at most 50 texts in one translate request.
BATCH_SIZE = 50
#: Names of our glossaries start with this, so that we never touch anybody else's.
GLOSSARY_PREFIX = "nordpeer"


class DeepLError(RuntimeError):
    """DeepL refused a request or could not be reached."""


class UnsupportedLanguage(ValueError):
    """A language DeepL does not translate."""


def deepl_code(language_code: str, *, target: bool = False) -> str:
    try:
        source, target_code = DEEPL_LANGUAGES[language_code]
    except KeyError:
        raise UnsupportedLanguage(f"DeepL does not translate the language {language_code!r}.") from None
    return target_code if target else source


def glossary_code(language_code: str) -> str:
    """Glossaries take plain two-letter codes (``en``, never ``EN-GB``)."""
    return deepl_code(language_code).lower()


class DeepLClient:
    """The few DeepL API v2 calls we make: glossaries and translation."""

    def __init__(self, auth_key: str, api_url: str, timeout: float = 30) -> None:
        if not auth_key:
            raise DeepLError("No DeepL API key: set DEEPL_API_KEY.")
        self.auth_key = auth_key
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout

    def _request(self, method: str, path: str, payload: dict | None = None) -> Any:
        url = f"{self.api_url}/v2/{path}"
        try:
            response = requests.request(
                method,
                url,
                json=payload,
                headers={"Authorization": f"DeepL-Auth-Key {self.auth_key}"},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise DeepLError(f"Could not reach DeepL at {url}: {error}") from error
        if response.status_code >= 400:
            try:
                detail = response.json().get("message", "")
            except ValueError:
                detail = response.text[:200]
            raise DeepLError(f"DeepL answered {response.status_code} to {method} {url}: {detail}")
        return response.json() if response.content else None

    def glossary_language_pairs(self) -> set[tuple[str, str]]:
        answer = self._request("GET", "glossary-language-pairs")
        return {(p["source_lang"].lower(), p["target_lang"].lower()) for p in answer["supported_languages"]}

    def glossaries(self) -> list[dict]:
        return self._request("GET", "glossaries")["glossaries"]

    def create_glossary(self, name: str, source_lang: str, target_lang: str, entries: dict[str, str]) -> dict:
        payload = {
            "name": name,
            "source_lang": source_lang,
            "target_lang": target_lang,
            "entries": entries_tsv(entries),
            "entries_format": "tsv",
        }
        return self._request("POST", "glossaries", payload)

    def delete_glossary(self, glossary_id: str) -> None:
        self._request("DELETE", f"glossaries/{glossary_id}")

    def translate(
        self, texts: list[str], source_lang: str, target_lang: str, glossary_id: str | None = None
    ) -> list[str]:
        payload: dict[str, Any] = {
            "text": texts,
            "source_lang": source_lang,
            "target_lang": target_lang,
            # wagtail-localize's strings carry inline markup (<a id="a1">, <b>) to keep.
            "tag_handling": "xml",
        }
        if glossary_id:
            payload["glossary_id"] = glossary_id
        translations = self._request("POST", "translate", payload)["translations"]
        if len(translations) != len(texts):
            raise DeepLError(f"DeepL returned {len(translations)} translations for {len(texts)} texts.")
        return [t["text"] for t in translations]


_SPACE = re.compile(r"\s+")


def _clean(term: str) -> str:
    """One line without tabs: what a TSV glossary entry may hold."""
    return _SPACE.sub(" ", term).strip()


def glossary_entries(source_code: str, target_code: str) -> dict[str, str]:
    """Source term -> target term for every concept the glossary has in both languages.

    The source language's other terms (synonyms) map to the target's main term too.
    A source term claimed by two concepts keeps the first and is logged.
    """
    by_concept: dict[Any, dict[str, GlossaryTerm]] = {}
    terms = GlossaryTerm.objects.filter(locale__language_code__in=[source_code, target_code]).select_related(
        "locale"
    )
    for term in terms.order_by("translation_key", "pk"):
        by_concept.setdefault(term.translation_key, {})[term.locale.language_code] = term
    entries: dict[str, str] = {}
    for concept in by_concept.values():
        source, target = concept.get(source_code), concept.get(target_code)
        if source is None or target is None or not _clean(target.term):
            continue
        for word in source.all_terms:
            word = _clean(word)
            if not word:
                continue
            if word in entries and entries[word] != _clean(target.term):
                logger.warning(
                    "Glossary term %r has two translations into %s; keeping %r.",
                    word,
                    target_code,
                    entries[word],
                )
                continue
            entries[word] = _clean(target.term)
    return entries


def entries_tsv(entries: dict[str, str]) -> str:
    return "\n".join(f"{source}\t{target}" for source, target in sorted(entries.items()))


def glossary_name(source_code: str, target_code: str, entries: dict[str, str]) -> str:
    digest = hashlib.sha256(entries_tsv(entries).encode()).hexdigest()[:12]
    return f"{GLOSSARY_PREFIX} {source_code}-{target_code} {digest}"


def ensure_glossary(client: DeepLClient, source_code: str, target_code: str) -> str | None:
    """The id of a DeepL glossary holding the current terms for the pair, or None without one."""
    entries = glossary_entries(source_code, target_code)
    if not entries:
        logger.warning("No glossary terms for %s -> %s: no glossary sent.", source_code, target_code)
        return None
    pair = (glossary_code(source_code), glossary_code(target_code))
    if pair not in client.glossary_language_pairs():
        logger.warning("DeepL takes no glossary for %s -> %s; translating without one.", *pair)
        return None
    name = glossary_name(source_code, target_code, entries)
    prefix = f"{GLOSSARY_PREFIX} {source_code}-{target_code} "
    ours = [g for g in client.glossaries() if g["name"].startswith(prefix)]
    current = next((g for g in ours if g["name"] == name), None)
    if current is None:
        current = client.create_glossary(name, pair[0], pair[1], entries)
    for stale in ours:
        if stale["glossary_id"] != current["glossary_id"]:
            client.delete_glossary(stale["glossary_id"])
    return current["glossary_id"]


class GlossaryDeepLTranslator(BaseMachineTranslator):
    """wagtail-localize's machine translator: DeepL with the network's glossary.

    Options: ``AUTH_KEY`` (required), ``API_URL``, ``TIMEOUT`` (seconds).
    """

    display_name = "DeepL"

    def client(self) -> DeepLClient:
        return DeepLClient(
            self.options.get("AUTH_KEY", ""),
            self.options.get("API_URL") or default_api_url(self.options.get("AUTH_KEY", "")),
            float(self.options.get("TIMEOUT", 30)),
        )

    def can_translate(self, source_locale: Locale, target_locale: Locale) -> bool:
        source, target = source_locale.language_code, target_locale.language_code
        return source != target and source in DEEPL_LANGUAGES and target in DEEPL_LANGUAGES

    def translate(self, source_locale: Locale, target_locale: Locale, strings: Iterable[StringValue]) -> dict:
        source, target = source_locale.language_code, target_locale.language_code
        strings = list(strings)
        client = self.client()
        glossary_id = ensure_glossary(client, source, target)
        results: dict[StringValue, StringValue] = {}
        for start in range(0, len(strings), BATCH_SIZE):
            batch = strings[start : start + BATCH_SIZE]
            texts = client.translate(
                [s.data for s in batch], deepl_code(source), deepl_code(target, target=True), glossary_id
            )
            results.update({string: StringValue(text) for string, text in zip(batch, texts, strict=True)})
        return results


def default_api_url(auth_key: str) -> str:
    """DeepL's free plan keys end in ':fx' and have their own host."""
    return "https://api-free.deepl.com" if auth_key.endswith(":fx") else "https://api.deepl.com"


@dataclass(frozen=True)
class MachineTranslationStatus:
    configured: bool
    name: str = ""
    api_url: str = ""


def status() -> MachineTranslationStatus:
    """Whether machine translation is configured, for the admin to say so."""
    config = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
    if not config:
        return MachineTranslationStatus(configured=False)
    options = config.get("OPTIONS", {})
    return MachineTranslationStatus(
        configured=True,
        name="DeepL",
        api_url=options.get("API_URL") or default_api_url(options.get("AUTH_KEY", "")),
    )
