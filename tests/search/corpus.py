# ruff: noqa: E501 - the texts are data, one language per line, easier to read unwrapped
"""A small multilingual library for the search tests, built with the project's factories and translate().

Texts are written for these tests. Each material has a key; ``Corpus.key_of(name)`` gives
its translation_key, which is what search results are compared by.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from tests import factories
from website.demo.pdf import make_pdf
from website.models import GlossaryTerm, ResourceFile, VideoPage
from website.site_setup import set_up_site
from website.translating import translate

SECTION = {
    "en": "Library", "nb": "Bibliotek", "sv": "Bibliotek", "da": "Bibliotek", "fi": "Kirjasto",
    "is": "Bókasafn", "et": "Raamatukogu", "lv": "Bibliotēka", "lt": "Biblioteka",
}  # fmt: skip

#: Concepts of the test glossary: {language: (term, other terms)}.
GLOSSARY = [
    {
        "en": ("peer support worker", "peer worker"), "nb": ("erfaringskonsulent", ""),
        "sv": ("brukarmedarbetare", "peer supporter"), "da": ("peermedarbejder", ""),
        "fi": ("vertaistyöntekijä", "kokemusasiantuntija"), "et": ("kogemusnõustaja", ""),
        "lv": ("pieredzes eksperts", ""), "lt": ("patirties ekspertas", ""), "is": ("jafningjaráðgjafi", ""),
    },
    {
        "en": ("recovery", ""), "nb": ("bedring", ""), "sv": ("återhämtning", ""), "da": ("bedring", ""),
        "fi": ("toipuminen", ""), "et": ("taastumine", ""), "lv": ("atveseļošanās", ""), "lt": ("sveikimas", ""),
        "is": ("bati", ""),
    },
    {
        "en": ("employer", ""), "nb": ("arbeidsgiver", ""), "sv": ("arbetsgivare", ""), "da": ("arbejdsgiver", ""),
        "fi": ("työnantaja", ""), "et": ("tööandja", ""),
    },
    {
        "en": ("supervision", ""), "nb": ("veiledning", ""), "sv": ("handledning", ""), "da": ("supervision", ""),
        "fi": ("työnohjaus", ""), "et": ("supervisioon", ""),
    },
]  # fmt: skip

#: Learning material: {language: (title, summary, paragraph)}; English first is the source.
MATERIAL = {
    "sharing": {
        "en": ("Sharing your own story with care", "When and how a peer support worker tells others about lived experience.", "Self-disclosure is a tool: share your experience of illness and recovery only when it helps the person you support."),
        "nb": ("Å dele din egen historie med omtanke", "Når og hvordan en erfaringskonsulent forteller om egen erfaring.", "Å dele egne erfaringer er et verktøy: fortell om sykdom og bedring bare når det hjelper den du støtter."),
        "sv": ("Att dela din egen berättelse med omsorg", "När och hur en brukarmedarbetare berättar om egen erfarenhet.", "Att dela egna erfarenheter är ett verktyg: berätta om sjukdom och återhämtning bara när det hjälper den du stöttar."),
        "da": ("At dele din egen historie med omtanke", "Hvornår og hvordan en peermedarbejder fortæller om egne erfaringer.", "At dele egne erfaringer er et redskab: fortæl om sygdom og bedring kun når det hjælper den, du støtter."),
        "fi": ("Oman tarinan jakaminen huolella", "Milloin ja miten vertaistyöntekijä kertoo omasta kokemuksestaan.", "Oman kokemuksen jakaminen on työkalu: kerro sairaudesta ja toipumisesta vain, kun se auttaa tuettavaa."),
        "et": ("Oma loo jagamine hoolega", "Millal ja kuidas kogemusnõustaja räägib oma kogemusest.", "Oma kogemuse jagamine on tööriist: räägi haigusest ja taastumisest ainult siis, kui see aitab toetatavat."),
    },
    "hiring": {
        "en": ("Hiring peer support workers: a guide for employers", "What services should prepare before employing someone with lived experience.", "Employers should write a clear job description, plan supervision and train the team before the first day."),
        "nb": ("Å ansette erfaringskonsulenter: en veileder for arbeidsgivere", "Hva tjenester bør forberede før de ansetter noen med egenerfaring.", "Arbeidsgivere bør skrive en tydelig stillingsbeskrivelse, planlegge veiledning og lære opp teamet før første arbeidsdag."),
    },
    "hope": {
        "en": ("Hope and personal recovery", "Why hope comes first in recovery-oriented work.", "Personal recovery means building a meaningful life with or without symptoms. Hope is the first step."),
        "sv": ("Hopp och personlig återhämtning", "Varför hoppet kommer först i återhämtningsinriktat arbete.", "Personlig återhämtning betyder att bygga ett meningsfullt liv med eller utan symtom. Hoppet är det första steget."),
        "fi": ("Toivo ja henkilökohtainen toipuminen", "Miksi toivo tulee ensin toipumista tukevassa työssä.", "Henkilökohtainen toipuminen tarkoittaa merkityksellisen elämän rakentamista oireiden kanssa tai ilman. Toivo on ensimmäinen askel."),
        "lv": ("Cerība un personīgā atveseļošanās", "Kāpēc cerība ir pirmā atveseļošanās darbā.", "Personīgā atveseļošanās nozīmē veidot jēgpilnu dzīvi ar simptomiem vai bez tiem. Cerība ir pirmais solis."),
        "lt": ("Viltis ir asmeninis sveikimas", "Kodėl viltis yra pirmoji sveikimo darbe.", "Asmeninis sveikimas reiškia prasmingo gyvenimo kūrimą su simptomais arba be jų. Viltis yra pirmas žingsnis."),
        "is": ("Von og persónulegur bati", "Hvers vegna vonin kemur fyrst í batamiðuðu starfi.", "Persónulegur bati þýðir að byggja upp innihaldsríkt líf með eða án einkenna. Vonin er fyrsta skrefið."),
    },
    "boundaries": {
        "en": ("Keeping boundaries in peer work", "Closeness and distance in the relationship with the people you support.", "A peer worker is close but not a friend: agree on boundaries with your team and talk about them in supervision."),
        "da": ("Grænser i peerarbejdet", "Nærhed og afstand i relationen til dem, du støtter.", "En peermedarbejder er tæt på, men ikke en ven: aftal grænser med dit team og tal om dem i supervision."),
        "lt": ("Ribos patirties eksperto darbe", "Artumas ir atstumas santykiuose su žmonėmis, kuriuos palaikote.", "Patirties ekspertas yra artimas, bet ne draugas: susitarkite dėl ribų su komanda."),
    },
}  # fmt: skip

#: Material that exists in one language only (no English source): {key: (language, title, summary, paragraph)}.
SINGLE_LANGUAGE = {
    "municipal": ("da", "Peermedarbejdere i kommunen", "Erfaringer fra danske kommuner med ansættelse af peermedarbejdere.", "Kommunerne har gode erfaringer med peermedarbejdere i socialpsykiatrien."),
    "iceland": ("is", "Jafningjastuðningur á Íslandi", "Hvernig jafningjastuðningur hefur þróast á Íslandi.", "Jafningjar styðja fólk á geðdeildum og í samfélaginu."),
}  # fmt: skip

VIDEO = {
    "en": ("Group supervision for peer workers", "In group supervision peer workers reflect on difficult situations together.", "Welcome to the reflection group. Today we talk about night shifts."),
    "nb": ("Gruppeveiledning for erfaringskonsulenter", "I gruppeveiledning reflekterer erfaringskonsulenter sammen over vanskelige situasjoner.", "Velkommen til refleksjonsgruppen. I dag snakker vi om nattevakter."),
    "sv": ("Grupphandledning för brukarmedarbetare", "I grupphandledning reflekterar brukarmedarbetare tillsammans över svåra situationer.", "Välkommen till reflektionsgruppen. I dag pratar vi om nattpass."),
    "et": ("Grupisupervisioon kogemusnõustajatele", "Grupisupervisioonis arutavad kogemusnõustajad koos keeruliste olukordade üle.", "Tere tulemast refleksioonigruppi. Täna räägime öövahetustest."),
}  # fmt: skip

PUBLICATION = {
    "en": ("Handbook for new peer workers", "Practical advice for the first year in the job.", "The handbook covers confidentiality, documentation and working in a team."),
    "nb": ("Håndbok for nye erfaringskonsulenter", "Praktiske råd for det første året i jobben.", "Håndboken handler om taushetsplikt, dokumentasjon og å jobbe i team."),
}  # fmt: skip

EVENT = {
    "en": ("Nordic and Baltic peer work conference", "Two days of workshops on peer support in mental health services."),
    "et": ("Põhja- ja Baltimaade kogemusnõustajate konverents", "Kaks päeva töötubasid kogemusnõustamisest vaimse tervise teenustes."),
    "lv": ("Ziemeļvalstu un Baltijas pieredzes ekspertu konference", "Divas dienas darbnīcu par pieredzes ekspertu atbalstu garīgās veselības pakalpojumos."),
    "lt": ("Šiaurės ir Baltijos šalių patirties ekspertų konferencija", "Dvi dienos dirbtuvių apie patirties ekspertų pagalbą psichikos sveikatos paslaugose."),
}  # fmt: skip


def webvtt(text: str) -> str:
    return f"WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\n{text}\n"


@dataclass
class Corpus:
    homes: dict[str, Page]
    sections: dict[str, Page]
    keys: dict[str, str] = field(default_factory=dict)
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)

    def key_of(self, name: str) -> str:
        return self.keys[name]


def _translate_all(corpus: Corpus, name: str, source: Page, texts: dict, strings) -> None:
    corpus.keys[name] = str(source.translation_key)
    corpus.pages[(name, settings.LANGUAGE_CODE)] = source
    for language, values in texts.items():
        if language == settings.LANGUAGE_CODE:
            continue
        corpus.pages[(name, language)] = translate(source, language, strings(values), strict=False)


def build_corpus() -> Corpus:
    structure = set_up_site()
    home = structure.homes[settings.LANGUAGE_CODE].specific
    homes = {settings.LANGUAGE_CODE: home}
    for language in structure.homes:
        if language != settings.LANGUAGE_CODE:
            homes[language] = translate(home, language, {"Nordpeer": "Nordpeer"})
    library = factories.make_section(home, SECTION["en"])
    sections = {"en": library}
    for language, title in SECTION.items():
        if language != "en":
            sections[language] = translate(library, language, {"Library": title}, strict=False)
    corpus = Corpus(homes=homes, sections=sections)
    corpus.keys["library"] = str(library.translation_key)
    _glossary(home)

    for name, texts in MATERIAL.items():
        title, summary, paragraph = texts["en"]
        source = factories.make_material(
            library, title, summary=summary, body=[("paragraph", f"<p>{paragraph}</p>")]
        )
        english = texts["en"]
        _translate_all(corpus, name, source, texts, lambda v, e=english: dict(zip(e, v, strict=True)))

    for name, (language, title, summary, paragraph) in SINGLE_LANGUAGE.items():
        page = factories.make_material(
            sections[language], title, summary=summary, body=[("paragraph", f"<p>{paragraph}</p>")]
        )
        corpus.keys[name] = str(page.translation_key)
        corpus.pages[(name, language)] = page

    _video(corpus, library)
    _publication(corpus, library)
    title, summary = EVENT["en"]
    event = factories.make_event(library, title, summary=summary, venue="Tallinn")
    _translate_all(corpus, "conference", event, EVENT, lambda v: dict(zip(EVENT["en"], v, strict=True)))
    return corpus


def _glossary(home: Page) -> None:
    for concept in GLOSSARY:
        term, others = concept["en"]
        entry = GlossaryTerm.objects.create(
            locale=home.locale, term=term, other_terms=others, definition=term
        )
        for language, (local_term, local_others) in concept.items():
            if language != "en":
                strings = {term: local_term, **({others: local_others} if others else {})}
                translate(entry, language, strings, strict=False)


def _video(corpus: Corpus, library: Page) -> None:
    title, transcript, caption = VIDEO["en"]
    video = VideoPage.objects.get(pk=factories.make_video(library, title, captions=()).pk)
    video.transcript = f"<p>{transcript}</p>"
    video.summary = ""
    for language, (_title, _transcript, caption_text) in VIDEO.items():
        factories.make_caption(video, language, webvtt(caption_text))
    video = factories.publish(video)
    english = VIDEO["en"][:2]
    _translate_all(corpus, "video", video, VIDEO, lambda v: dict(zip(english, v[:2], strict=True)))


def _publication(corpus: Corpus, library: Page) -> None:
    title, summary, file_text = PUBLICATION["en"]
    files = [
        ResourceFile(
            language=language,
            document=factories.make_document(
                values[0], f"handbook-{language}.pdf", make_pdf(values[0], [values[2]], language=language)
            ),
        )
        for language, values in PUBLICATION.items()
    ]
    resource = factories.make_resource(library, title, summary=summary, files=files)
    english = PUBLICATION["en"][:2]
    _translate_all(
        corpus, "handbook", resource, PUBLICATION, lambda v: dict(zip(english, v[:2], strict=True))
    )
