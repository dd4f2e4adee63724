"""Machine translation through DeepL with the glossary, against a local fake DeepL server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from tests import factories
from website.machine_translation import (
    DeepLClient,
    DeepLError,
    GlossaryDeepLTranslator,
    deepl_code,
    glossary_entries,
    glossary_name,
)
from website.models import GlossaryTerm
from website.translating import translate

KEY = "test-key-123"
#: Pairs the fake server accepts glossaries for (lower-case, as DeepL lists them).
GLOSSARY_PAIRS = [("en", "sv"), ("en", "nb"), ("en", "da")]


class FakeDeepL(BaseHTTPRequestHandler):
    """Answers like DeepL's API v2 and records every request for the test to check."""

    def log_message(self, *args):  # keep test output clean
        pass

    def _reply(self, status: int, body: dict | None = None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        state["requests"].append(
            {
                "method": self.command,
                "path": self.path,
                "auth": self.headers.get("Authorization"),
                "body": body,
            }
        )
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}":
            return self._reply(403, {"message": "Wrong key"})
        if self.command == "GET" and self.path == "/v2/glossary-language-pairs":
            pairs = [{"source_lang": s, "target_lang": t} for s, t in GLOSSARY_PAIRS]
            return self._reply(200, {"supported_languages": pairs})
        if self.command == "GET" and self.path == "/v2/glossaries":
            return self._reply(200, {"glossaries": list(state["glossaries"].values())})
        if self.command == "POST" and self.path == "/v2/glossaries":
            glossary_id = f"g-{len(state['glossaries']) + 1}"
            state["glossaries"][glossary_id] = {
                "glossary_id": glossary_id,
                "name": body["name"],
                "ready": True,
                "source_lang": body["source_lang"],
                "target_lang": body["target_lang"],
                "entry_count": len(body["entries"].splitlines()),
            }
            state["entries"][glossary_id] = body["entries"]
            return self._reply(201, state["glossaries"][glossary_id])
        if self.command == "DELETE" and self.path.startswith("/v2/glossaries/"):
            state["glossaries"].pop(self.path.rsplit("/", 1)[1], None)
            return self._reply(204)
        if self.command == "POST" and self.path == "/v2/translate":
            if "glossary_id" in body and body["glossary_id"] not in state["glossaries"]:
                return self._reply(404, {"message": "Glossary not found"})
            texts = [f"[{body['target_lang']}] {text}" for text in body["text"]]
            return self._reply(
                200, {"translations": [{"detected_source_language": "EN", "text": t} for t in texts]}
            )
        return self._reply(404, {"message": "Unknown endpoint"})

    do_GET = do_POST = do_DELETE = _handle


@pytest.fixture
def deepl():
    """A DeepL stand-in on a real local socket; ``deepl.state`` holds what it received."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeDeepL)
    server.state = {"requests": [], "glossaries": {}, "entries": {}}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def configured(settings, deepl):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "website.machine_translation.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": KEY, "API_URL": deepl.url},
    }
    return deepl


@pytest.fixture
def glossary(site):
    """Two concepts in English, Swedish and Norwegian; one English synonym."""
    peer = GlossaryTerm.objects.create(
        term="peer support worker", other_terms="peer worker", definition="Works from lived experience."
    )
    translate(peer, "sv", {"peer support worker": "brukarmedarbetare", "peer worker": "peer supporter"})
    translate(peer, "nb", {"peer support worker": "erfaringskonsulent", "peer worker": "likeperson"})
    recovery = GlossaryTerm.objects.create(term="recovery", definition="A personal process.")
    translate(recovery, "sv", {"recovery": "återhämtning"})
    return [peer, recovery]


def requests_to(deepl, method: str, path: str) -> list[dict]:
    return [r for r in deepl.state["requests"] if r["method"] == method and r["path"] == path]


@pytest.mark.django_db
def test_glossary_entries_join_the_terms_of_one_concept(glossary):
    assert glossary_entries("en", "sv") == {
        "peer support worker": "brukarmedarbetare",
        "peer worker": "brukarmedarbetare",  # a synonym maps to the main term
        "recovery": "återhämtning",
    }
    assert glossary_entries("en", "nb") == {
        "peer support worker": "erfaringskonsulent",
        "peer worker": "erfaringskonsulent",
    }
    assert glossary_entries("en", "fi") == {}


@pytest.fixture
def page_translation(home, translated_home):
    page = factories.make_material(home, "What a peer support worker does")
    translate(page, "sv", {}, publish=False)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return Translation.objects.get(source=source, target_locale__language_code="sv")


@pytest.mark.django_db
def test_the_editor_machine_translates_with_the_glossary(configured, glossary, page_translation):
    deepl = configured
    admin = factories.make_user(superuser=True)
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[page_translation.pk]))
    assert response.status_code == 302

    assert all(r["auth"] == f"DeepL-Auth-Key {KEY}" for r in deepl.state["requests"])
    (created,) = requests_to(deepl, "POST", "/v2/glossaries")
    assert created["body"]["source_lang"] == "en"
    assert created["body"]["target_lang"] == "sv"
    assert created["body"]["entries_format"] == "tsv"
    assert created["body"]["entries"].splitlines() == [
        "peer support worker\tbrukarmedarbetare",
        "peer worker\tbrukarmedarbetare",
        "recovery\tåterhämtning",
    ]
    glossary_id = next(iter(deepl.state["glossaries"]))
    (translated,) = requests_to(deepl, "POST", "/v2/translate")
    assert translated["body"]["glossary_id"] == glossary_id
    assert translated["body"]["source_lang"] == "EN"
    assert translated["body"]["target_lang"] == "SV"
    assert translated["body"]["tag_handling"] == "xml"
    assert "What a peer support worker does" in translated["body"]["text"]

    machine = StringTranslation.objects.filter(locale__language_code="sv", translation_type="machine")
    assert machine.filter(data="[SV] What a peer support worker does", tool_name="DeepL").exists()


@pytest.mark.django_db
def test_an_unchanged_glossary_is_reused_and_a_changed_one_replaced(configured, glossary):
    deepl = configured
    translator = get_machine_translator()
    swedish, english = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="en")
    translator.translate(english, swedish, [StringValue("recovery")])
    translator.translate(english, swedish, [StringValue("recovery")])
    assert len(requests_to(deepl, "POST", "/v2/glossaries")) == 1
    first = next(iter(deepl.state["glossaries"]))

    GlossaryTerm.objects.create(term="lived experience", definition="...")
    translate(
        GlossaryTerm.objects.get(term="lived experience"), "sv", {"lived experience": "egen erfarenhet"}
    )
    translator.translate(english, swedish, [StringValue("recovery")])
    assert len(requests_to(deepl, "POST", "/v2/glossaries")) == 2
    assert requests_to(deepl, "DELETE", f"/v2/glossaries/{first}")
    (current,) = deepl.state["glossaries"].values()
    assert current["name"] == glossary_name("en", "sv", glossary_entries("en", "sv"))
    assert requests_to(deepl, "POST", "/v2/translate")[-1]["body"]["glossary_id"] == current["glossary_id"]


@pytest.mark.django_db
def test_a_pair_without_glossary_support_is_translated_without_one(configured, glossary):
    deepl = configured
    translate(GlossaryTerm.objects.get(term="recovery"), "fi", {"recovery": "toipuminen"})
    translator = get_machine_translator()
    english, finnish = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="fi")
    result = translator.translate(english, finnish, [StringValue("recovery")])
    assert [value.data for value in result.values()] == ["[FI] recovery"]
    assert not requests_to(deepl, "POST", "/v2/glossaries")
    (translated,) = requests_to(deepl, "POST", "/v2/translate")
    assert "glossary_id" not in translated["body"]


@pytest.mark.django_db
def test_icelandic_is_not_offered_and_norwegian_uses_deepls_code(configured, site):
    translator = get_machine_translator()
    locale = {code: Locale.objects.get(language_code=code) for code in ("en", "is", "nb")}
    assert not translator.can_translate(locale["en"], locale["is"])
    assert translator.can_translate(locale["en"], locale["nb"])
    client = DeepLClient(KEY, configured.url)
    assert deepl_code("nb", target=True) == "NB"
    assert client.translate(["Hello"], "EN", deepl_code("nb", target=True)) == ["[NB] Hello"]


@pytest.mark.django_db
def test_deepl_errors_are_reported_with_deepls_message(deepl):
    with pytest.raises(DeepLError, match="403.*Wrong key"):
        DeepLClient("wrong-key", deepl.url).glossaries()


@pytest.mark.django_db
def test_without_a_key_nothing_is_configured_and_nothing_is_sent(settings, deepl, glossary, page_translation):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    assert get_machine_translator() is None
    client = Client()
    client.force_login(factories.make_user(superuser=True))
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[page_translation.pk]), follow=True
    )
    assert response.status_code == 404  # wagtail-localize's view: no translator, no page
    assert not StringTranslation.objects.filter(translation_type="machine").exists()
    assert (
        "Machine translation is not configured"
        in client.get("/admin/reports/translation-status/").content.decode()
    )
    assert deepl.state["requests"] == []
    with pytest.raises(DeepLError, match="DEEPL_API_KEY"):
        GlossaryDeepLTranslator({"AUTH_KEY": ""}).client()
