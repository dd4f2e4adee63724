# ruff: noqa: E501 - the texts are data, one language per line, easier to read unwrapped
"""A library in nine languages for the relevance suite: compounds, inflections, neighbours, titles, glossary.

Texts are written for these tests. Each material is {language: (title, summary, paragraph)};
the first language is the source, the others its translations (one translation_key).
Some materials exist in only one Scandinavian language on purpose, so a reader of a
neighbour language reaches them through the fallback chain.
"""

from __future__ import annotations

from django.conf import settings

from lms.models import CoursePage, LessonPage, ModulePage
from tests import factories
from tests.search.corpus import SECTION, Corpus
from website.models import GlossaryTerm
from website.site_setup import set_up_site
from website.translating import translate

#: {language: (preferred term, other terms)} per concept.
GLOSSARY = [
    {
        "en": ("peer support worker", "peer worker"), "nb": ("erfaringskonsulent", "likeperson"),
        "sv": ("brukarmedarbetare", "peer supporter"), "da": ("peermedarbejder", "recoverymentor"),
        "fi": ("vertaistyöntekijä", "kokemusasiantuntija"), "et": ("kogemusnõustaja", ""),
        "lv": ("pieredzes eksperts", ""), "lt": ("patirties ekspertas", ""), "is": ("jafningjaráðgjafi", ""),
    },
    {
        "en": ("recovery", ""), "nb": ("bedring", ""), "sv": ("återhämtning", ""), "da": ("recovery", ""),
        "fi": ("toipuminen", ""), "et": ("taastumine", ""), "lv": ("atveseļošanās", ""), "lt": ("sveikimas", ""),
        "is": ("bati", ""),
    },
    {
        "en": ("supervision", ""), "nb": ("veiledning", ""), "sv": ("handledning", ""), "da": ("supervision", ""),
        "fi": ("työnohjaus", ""), "et": ("supervisioon", ""), "lv": ("supervīzija", ""), "lt": ("supervizija", ""),
        "is": ("handleiðsla", ""),
    },
    {
        "en": ("employer", ""), "nb": ("arbeidsgiver", ""), "sv": ("arbetsgivare", ""), "da": ("arbejdsgiver", ""),
        "fi": ("työnantaja", ""), "et": ("tööandja", ""), "lv": ("darba devējs", ""), "lt": ("darbdavys", ""),
        "is": ("atvinnurekandi", ""),
    },
    {
        "en": ("crisis plan", "safety plan"), "nb": ("kriseplan", "mestringsplan"), "sv": ("krisplan", ""),
        "da": ("kriseplan", ""), "fi": ("kriisisuunnitelma", ""), "et": ("kriisiplaan", ""),
        "lv": ("krīzes plāns", ""), "lt": ("krizių planas", ""), "is": ("krísuáætlun", ""),
    },
]  # fmt: skip

MATERIALS: dict[str, dict[str, tuple[str, str, str]]] = {
    "employer_handbook": {
        "nb": ("Håndbok for arbeidsgivere", "Hvordan arbeidsgivere tar imot en ny erfaringskonsulent på arbeidsplassen.", "Håndboken gir arbeidsgivere råd om rekruttering, opplæring og oppfølging av ansatte med egen brukererfaring."),
        "sv": ("Handbok för arbetsgivare", "Hur arbetsgivare tar emot en ny brukarmedarbetare på arbetsplatsen.", "Handboken ger arbetsgivare råd om rekrytering, introduktion och uppföljning av anställda med egen erfarenhet."),
        "en": ("Handbook for employers", "How employers welcome a new peer support worker to the workplace.", "The handbook gives employers advice on recruitment, induction and follow-up of staff with lived experience."),
        "fi": ("Käsikirja työnantajille", "Miten työnantaja ottaa vastaan uuden vertaistyöntekijän.", "Käsikirja antaa työnantajille neuvoja rekrytoinnista, perehdytyksestä ja seurannasta."),
        "et": ("Käsiraamat tööandjatele", "Kuidas tööandja võtab vastu uue kogemusnõustaja.", "Käsiraamat annab tööandjatele nõu värbamise, sisseelamise ja toetamise kohta."),
    },
    "employer_checklist": {
        "nb": ("Sjekkliste før ansettelse", "Det arbeidsgivere bør avklare før de lyser ut en stilling.", "Lag en stillingsbeskrivelse, avklar lønn og sørg for at kollegene vet hva rollen innebærer."),
        "en": ("Checklist before hiring", "What to settle before advertising a position.", "Write a job description, agree on pay and make sure colleagues know what the role involves."),
    },
    "user_brochure": {
        "nb": ("Brosjyre for brukere av tjenesten", "Kort informasjon til brukere om hva en erfaringskonsulent kan hjelpe med.", "Brosjyren kan deles ut på venteværelset og forteller brukere hvordan de får kontakt."),
        "en": ("Brochure for service users", "Short information for service users about what a peer support worker can help with.", "The brochure can be handed out in the waiting room and tells users how to get in touch."),
        "lv": ("Brošūra pakalpojumu lietotājiem", "Īsa informācija lietotājiem par to, kā pieredzes eksperts var palīdzēt.", "Brošūru var izdalīt uzgaidāmajā telpā, un tā stāsta, kā sazināties."),
        "lt": ("Brošiūra paslaugų vartotojams", "Trumpa informacija vartotojams, kuo gali padėti patirties ekspertas.", "Brošiūrą galima dalyti laukiamajame ir joje parašyta, kaip susisiekti."),
    },
    "group_supervision": {
        "sv": ("Handledning i grupp", "Så fungerar handledning för brukarmedarbetare som arbetar i olika team.", "I gruppen delar deltagarna svåra situationer och får stöd av handledaren och varandra."),
        "nb": ("Veiledning i gruppe", "Slik fungerer veiledning for erfaringskonsulenter som jobber i ulike team.", "I gruppen deler deltakerne vanskelige situasjoner og får støtte fra veilederen og hverandre."),
        "en": ("Supervision in groups", "How supervision works for peer support workers in different teams.", "In the group participants share difficult situations and get support from the supervisor and each other."),
        "fi": ("Ryhmätyönohjaus", "Miten työnohjaus toimii vertaistyöntekijöille eri tiimeissä.", "Ryhmässä osallistujat jakavat vaikeita tilanteita ja saavat tukea ohjaajalta ja toisiltaan."),
        "et": ("Supervisioon grupis", "Kuidas supervisioon toimib eri meeskondades töötavatele kogemusnõustajatele.", "Grupis jagavad osalejad keerulisi olukordi ja saavad tuge."),
    },
    "what_peer_worker_does": {
        "nb": ("Hva gjør en erfaringskonsulent?", "En kort film om rollen.", "Tre ansatte forteller om dagen sin."),
        "en": ("What does a peer support worker do?", "A short film about the role.", "Three staff members talk about their day."),
    },
    "peer_worker_everyday": {
        "nb": ("Hverdagen som erfaringskonsulent i psykisk helsevern", "Mange spør hva gjør en erfaringskonsulent, og hva gjør en erfaringskonsulent annerledes enn andre ansatte.", "En erfaringskonsulent bruker egen erfaring. Hva gjør en erfaringskonsulent på en vanlig dag? Erfaringskonsulenten deltar i møter, følger opp brukere og samarbeider med andre ansatte i teamet. Erfaringskonsulenter finnes nå i mange kommuner."),
        "en": ("Everyday life as a peer support worker in mental health services", "Many ask what a peer support worker does, and how a peer support worker differs from other staff.", "A peer support worker uses lived experience in meetings, follow-up and teamwork. What does a peer support worker do on an ordinary day? Peer support workers now work in many municipalities."),
    },
    "confidentiality": {
        "nb": ("Taushetsplikt i praksis", "Hva du kan fortelle og til hvem.", "Taushetsplikten gjelder også for erfaringskonsulenter: opplysninger om brukere deles bare med samtykke."),
        "sv": ("Tystnadsplikt i praktiken", "Vad du får berätta och för vem.", "Tystnadsplikten gäller även brukarmedarbetare: uppgifter om brukare delas bara med samtycke."),
        "en": ("Confidentiality in practice", "What you may tell and to whom.", "Confidentiality applies to peer support workers too: information about users is shared only with consent."),
        "is": ("Þagnarskylda í starfi", "Hvað má segja og hverjum.", "Þagnarskyldan gildir líka um jafningjaráðgjafa: upplýsingar um notendur eru aðeins veittar með samþykki."),
    },
    "self_help_groups": {
        "da": ("Selvhjælpsgrupper i kommunen", "Hvordan kommunen kan støtte selvhjælpsgrupper for mennesker med psykiske vanskeligheder.", "Selvhjælpsgrupperne mødes hver uge, og en peermedarbejder hjælper med at starte nye grupper."),
        "en": ("Self-help groups in the municipality", "How the municipality can support self-help groups for people with mental health difficulties.", "The self-help groups meet every week, and a peer support worker helps to start new groups."),
    },
    "night_work": {
        "sv": ("Nattarbete på avdelningen", "Erfarenheter från brukarmedarbetare som arbetar natt.", "Nattpassen är lugnare men ensammare; planera pauser och prata med kollegor efteråt."),
    },
    "crisis_plan": {
        "en": ("Making a crisis plan together", "How to write a crisis plan with the person you support.", "A crisis plan lists early warning signs, what helps and who to call."),
        "nb": ("Kriseplan sammen med brukeren", "Slik lager dere en kriseplan sammen.", "Kriseplanen viser tidlige varselsignaler, hva som hjelper og hvem man ringer."),
        "sv": ("Krisplan tillsammans med brukaren", "Så skriver ni en krisplan tillsammans.", "Krisplanen visar tidiga varningstecken, vad som hjälper och vem man ringer."),
        "fi": ("Kriisisuunnitelma yhdessä", "Miten kriisisuunnitelma tehdään yhdessä tuettavan kanssa.", "Kriisisuunnitelmaan kirjataan varhaiset varoitusmerkit, mikä auttaa ja kenelle soitetaan."),
        "et": ("Kriisiplaan koos toetatavaga", "Kuidas kriisiplaan koos koostada.", "Kriisiplaani kirjutatakse varased hoiatusmärgid, mis aitab ja kellele helistada."),
        "lv": ("Krīzes plāns kopā ar klientu", "Kā kopīgi sastādīt krīzes plānu.", "Krīzes plānā ieraksta agrīnās brīdinājuma pazīmes, kas palīdz un kam zvanīt."),
        "lt": ("Krizių planas kartu su klientu", "Kaip kartu sudaryti krizių planą.", "Krizių plane surašomi ankstyvieji įspėjamieji ženklai, kas padeda ir kam skambinti."),
        "is": ("Krísuáætlun gerð saman", "Hvernig krísuáætlun er gerð með þeim sem þú styður.", "Í áætluninni eru fyrstu viðvörunarmerki, hvað hjálpar og í hvern á að hringja."),
    },
    "safety_plan_en": {
        "en": ("Safety plan template", "A one-page form to fill in.", "Fill in the safety plan with the person: warning signs, coping strategies, contacts."),
    },
    "recovery_story": {
        "fi": ("Toipuminen ja oma tarina", "Miten oma toipumistarina auttaa toisia.", "Kun kerrot toipumisesta, kerro myös siitä, mikä auttoi ja mikä ei."),
        "et": ("Taastumine ja oma lugu", "Kuidas oma taastumise lugu aitab teisi.", "Kui räägid taastumisest, räägi ka sellest, mis aitas ja mis mitte."),
        "en": ("Recovery and your own story", "How your recovery story can help others.", "When you talk about recovery, also say what helped and what did not."),
        "lv": ("Atveseļošanās un paša stāsts", "Kā tavs atveseļošanās stāsts var palīdzēt citiem.", "Kad stāsti par atveseļošanos, pastāsti arī, kas palīdzēja un kas ne."),
        "lt": ("Sveikimas ir tavo istorija", "Kaip tavo sveikimo istorija gali padėti kitiems.", "Kai pasakoji apie sveikimą, papasakok ir apie tai, kas padėjo, o kas ne."),
        "is": ("Bati og þín eigin saga", "Hvernig batasaga þín getur hjálpað öðrum.", "Þegar þú segir frá batanum, segðu líka hvað hjálpaði og hvað ekki."),
    },
    "reunion": {
        "et": ("Kogemusnõustajate kokkutulek Tartus", "Iga-aastane kokkutulek kogemusnõustajatele ja nende juhendajatele.", "Kokkutulekul arutame koolitusi, palka ja tööandjate ootusi."),
        "en": ("Peer support workers' gathering in Tartu", "The yearly gathering for peer support workers and their supervisors.", "At the gathering we discuss training, pay and what employers expect."),
    },
    "estonian_handbook": {
        "et": ("Kogemusnõustaja käsiraamat", "Praktiline käsiraamat uuele kogemusnõustajale.", "Käsiraamatus on nõuanded esimeseks tööaastaks: konfidentsiaalsus, dokumenteerimine ja meeskonnatöö."),
    },
    "medication": {
        "lv": ("Zāles un atveseļošanās", "Kā runāt par zālēm bez spiediena.", "Pieredzes eksperts neiesaka zāles, bet palīdz sagatavot jautājumus ārstam."),
        "lt": ("Vaistai ir sveikimas", "Kaip kalbėti apie vaistus be spaudimo.", "Patirties ekspertas nepataria vaistų, bet padeda pasiruošti klausimus gydytojui."),
        "en": ("Medication and recovery", "How to talk about medication without pressure.", "A peer support worker does not advise on medication but helps prepare questions for the doctor."),
    },
    "family": {
        "lt": ("Šeimos įtraukimas", "Kaip įtraukti artimuosius į pagalbą.", "Artimieji dažnai jaučiasi vieniši; pokalbis su patirties ekspertu jiems padeda."),
        "lv": ("Ģimenes iesaistīšana", "Kā iesaistīt tuviniekus atbalstā.", "Tuvinieki bieži jūtas vieni; saruna ar pieredzes ekspertu viņiem palīdz."),
        "en": ("Involving the family", "How to involve relatives in support.", "Relatives often feel alone; a conversation with a peer support worker helps them."),
    },
    "housing": {
        "fi": ("Asumisen tuki", "Vertaistuki asunnon löytämisessä ja asumisessa.", "Vertaistyöntekijä auttaa asunnon hakemisessa ja arjen sujumisessa."),
        "et": ("Eluasemetoetus", "Kogemusnõustaja tugi eluaseme leidmisel.", "Kogemusnõustaja aitab eluaset otsida ja igapäevaeluga toime tulla."),
        "en": ("Support with housing", "Peer support in finding and keeping a home.", "A peer support worker helps with looking for a flat and with daily life."),
    },
    "training_preferred": {
        "en": ("Training day", "A day for new staff.", "Every peer support worker starts with a training day on values and ethics."),
    },
    "training_variant": {
        "en": ("Training for new staff", "Induction for new staff members.", "A peer worker who starts meets the team; peer worker induction covers values, ethics and training, training and training again."),
    },
    "icelandic_peer": {
        "is": ("Jafningjastuðningur á geðdeildum", "Hvernig jafningjaráðgjafar vinna á geðdeildum.", "Jafningjaráðgjafinn styður sjúklinga og tekur þátt í teymisfundum."),
        "en": ("Peer support on psychiatric wards", "How peer support workers work on psychiatric wards.", "The peer support worker supports patients and takes part in team meetings."),
    },
    "sick_leave": {
        "da": ("Sygemelding og tilbagevenden til arbejdet", "Hvordan arbejdsgiveren støtter en medarbejder efter sygemelding.", "En gradvis tilbagevenden aftales mellem medarbejder, arbejdsgiver og kommune."),
    },
    "pay_and_contracts": {
        "sv": ("Lön och anställningsavtal", "Vad brukarmedarbetare bör veta om lön och avtal.", "Anställningsavtalet anger lön, arbetstid och vilket kollektivavtal som gäller."),
        "nb": ("Lønn og arbeidsavtaler", "Hva erfaringskonsulenter bør vite om lønn og avtaler.", "Arbeidsavtalen sier hvilken lønn, arbeidstid og tariffavtale som gjelder."),
    },
}  # fmt: skip

#: Courses: (language, title, summary, [(module title, [lesson titles])]).
COURSES = {
    "course_basics": ("en", "Foundations of peer support", "An online course for people starting as peer support workers.", [
        ("Lived experience as knowledge", ["Telling your story safely", "Listening without advising"]),
        ("Working in a team", ["Documentation basics", "Boundaries with colleagues"]),
    ]),
    "course_nb": ("nb", "Grunnkurs i erfaringskompetanse", "Et nettkurs for nye erfaringskonsulenter.", [
        ("Erfaring som kunnskap", ["Å fortelle sin historie trygt", "Å lytte uten å gi råd"]),
        ("Samarbeid i teamet", ["Journalføring", "Grenser overfor kolleger"]),
    ]),
}  # fmt: skip


def _source_section(corpus: Corpus, language: str):
    return corpus.sections[language]


def _material(corpus: Corpus, name: str, texts: dict[str, tuple[str, str, str]]) -> None:
    languages = list(texts)
    source_language = languages[0]
    title, summary, paragraph = texts[source_language]
    source = factories.make_material(
        corpus.sections[source_language], title, summary=summary, body=[("paragraph", f"<p>{paragraph}</p>")]
    )
    corpus.keys[name] = str(source.translation_key)
    corpus.pages[(name, source_language)] = source
    for language in languages[1:]:
        strings = dict(zip(texts[source_language], texts[language], strict=True))
        corpus.pages[(name, language)] = translate(source, language, strings, strict=False)


def _course(corpus: Corpus, name: str, language: str, title: str, summary: str, modules) -> None:
    course = factories.add_page(corpus.sections[language], CoursePage(title=title, summary=summary))
    for module_title, lessons in modules:
        module = factories.add_page(course, ModulePage(title=module_title, summary=""))
        for lesson_title in lessons:
            # Lesson text is not part of the course's index entry: this word must not find the course.
            body = [("paragraph", "<p>Zanzibarlesson placeholder text.</p>")]
            factories.add_page(module, LessonPage(title=lesson_title, summary="", body=body))
    corpus.keys[name] = str(course.translation_key)
    corpus.pages[(name, language)] = course


def _glossary(home) -> None:
    for concept in GLOSSARY:
        term, others = concept["en"]
        entry = GlossaryTerm.objects.create(
            locale=home.locale, term=term, other_terms=others, definition=term
        )
        for language, (local_term, local_others) in concept.items():
            if language != "en":
                strings = {term: local_term, **({others: local_others} if others else {})}
                translate(entry, language, strings, strict=False)


def build_relevance_corpus() -> Corpus:
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
    for name, texts in MATERIALS.items():
        _material(corpus, name, texts)
    for name, (language, title, summary, modules) in COURSES.items():
        _course(corpus, name, language, title, summary, modules)
    return corpus
