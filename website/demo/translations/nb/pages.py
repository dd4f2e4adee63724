"""Norwegian Bokmål translations of the home page, the sections, the material, the event and the partners."""

PAGES = {
    "home": {
        "Nordpeer": "Nordpeer",
        "home-en": "home-nb",
        (
            "Learning material, videos and publications about peer support work, shared by schools and "
            "organisations in the Nordic and Baltic countries and translated into each partner's language."
        ): (
            "Læremateriell, videoer og publikasjoner om arbeidet som erfaringskonsulent, delt av skoler og "
            "organisasjoner i Norden og Baltikum og oversatt til hver partners språk."
        ),
        "Experience that becomes a profession": "Erfaring som blir et yrke",
        (
            "A peer support worker is employed in mental health and addiction services because of what "
            "they have lived through. They have been where the people they meet are now, and they know "
            "from the inside that things can change. Nordpeer gathers what the network's schools have "
            "learned about training people for this work, so that nobody has to start from a blank page."
        ): (
            "En erfaringskonsulent er ansatt i psykisk helse- og rustjenester på grunn av det hen selv har "
            "levd gjennom. Hen har vært der menneskene hen møter, er nå, og vet fra innsiden at ting kan "
            "endre seg. Nordpeer samler det nettverkets skoler har lært om å utdanne folk til dette "
            "arbeidet, slik at ingen trenger å begynne på et blankt ark."
        ),
        "Here you will find:": "Her finner du:",
        "an introduction to the role for students and new colleagues": (
            "en innføring i rollen for studenter og nye kolleger"
        ),
        "a handbook for employers and a brochure for the people who use the services": (
            "en håndbok for arbeidsgivere og en brosjyre for dem som bruker tjenestene"
        ),
        "short videos with captions in several languages": "korte videoer med teksting på flere språk",
        "the network's annual gathering": "nettverkets årlige samling",
        "Written together, read in your own language": "Skrevet sammen, lest på ditt eget språk",
        (
            "Every text starts in English, the network's shared working language. Editors in each country "
            "translate it and adapt it where their services work differently."
        ): (
            "Alle tekster skrives først på engelsk, nettverkets felles arbeidsspråk. Redaktører i hvert "
            "land oversetter dem og tilpasser dem der tjenestene fungerer annerledes."
        ),
    },
    "learning": {
        "Learning material": "Læremateriell",
        "learning-material": "laeremateriell",
        (
            "Texts for students, new peer support workers and the colleagues they will work beside: what "
            "the role is, how it is learned and what helps it work."
        ): (
            "Tekster for studenter, nye erfaringskonsulenter og kollegene de skal jobbe sammen med: hva "
            "rollen er, hvordan den læres, og hva som får den til å fungere."
        ),
    },
    "library": {
        "Resource library": "Ressursbibliotek",
        "resource-library": "ressursbibliotek",
        "Handbooks and brochures to download, each in the languages it has been translated into.": (
            "Håndbøker og brosjyrer til nedlasting, hver på de språkene den er oversatt til."
        ),
    },
    "videos": {
        "Videos": "Videoer",
        "videos": "videoer",
        "Short films about peer support work, with captions in several languages and a written transcript.": (
            "Korte filmer om arbeidet som erfaringskonsulent, med teksting på flere språk og en skriftlig "
            "gjengivelse."
        ),
    },
    "events": {
        "Events": "Arrangementer",
        "events": "arrangementer",
        (
            "Gatherings where peer support workers, students, teachers and employers from the network "
            "meet, in person and online."
        ): (
            "Samlinger der erfaringskonsulenter, studenter, lærere og arbeidsgivere fra nettverket møtes, "
            "fysisk og på nett."
        ),
    },
    "material": {
        "The peer support worker role: an introduction": "Erfaringskonsulentrollen: en innføring",
        "peer-support-worker-role": "erfaringskonsulentrollen",
        (
            "What peer support workers do, where they work, what they bring that other professions cannot, "
            "and what they need from their workplace to do it well."
        ): (
            "Hva erfaringskonsulenter gjør, hvor de jobber, hva de bidrar med som andre yrker ikke kan, og "
            "hva de trenger fra arbeidsplassen for å gjøre det godt."
        ),
        "A role built on lived experience": "En rolle bygget på egenerfaring",
        (
            "Peer support workers are employed in mental health and addiction services <b>because of</b> "
            "their own experience of illness, crisis or substance use, and of finding a way forward. In "
            "Norway the role is called <i>erfaringskonsulent</i>; elsewhere people speak of peer "
            "supporters, experts by experience or recovery mentors. The titles differ, but the core is the "
            "same: experience that has been reflected on and can be used for the good of others."
        ): (
            "Erfaringskonsulenter ansettes i psykisk helse- og rustjenester <b>på grunn av</b> sin egen "
            "erfaring med sykdom, krise eller rusbruk, og med å finne en vei videre. I Norge heter rollen "
            "<i>erfaringskonsulent</i>; andre steder snakker man om peer supporters, erfaringseksperter "
            "eller recoverymentorer. Titlene varierer, men kjernen er den samme: erfaring som er "
            "bearbeidet og kan brukes til beste for andre."
        ),
        (
            "The profession is young. Many peer support workers are the first in their workplace to hold "
            "the role, and some have had to write their own job description. That is one reason the "
            "network's schools share their material: a common understanding of the role makes it easier "
            "for services to hire peer support workers, and for peer support workers to stay."
        ): (
            "Yrket er ungt. Mange erfaringskonsulenter er de første i denne rollen på arbeidsplassen sin, "
            "og noen har måttet skrive sin egen stillingsbeskrivelse. Det er én grunn til at nettverkets "
            "skoler deler materialet sitt: En felles forståelse av rollen gjør det lettere for tjenestene "
            "å ansette erfaringskonsulenter, og for erfaringskonsulentene å bli værende."
        ),
        "What the work looks like": "Slik ser arbeidet ut",
        (
            "The tasks vary with the workplace, but most peer support workers spend their days on a mix of "
            "these:"
        ): (
            "Oppgavene varierer med arbeidsplassen, men de fleste erfaringskonsulenter bruker dagene på en "
            "blanding av dette:"
        ),
        (
            "walking alongside people who use the services: conversations, everyday errands, meetings with "
            "the welfare office"
        ): ("å gå sammen med dem som bruker tjenestene: samtaler, hverdagsærender, møter med NAV"),
        "bringing the service user's perspective into team meetings and treatment planning": (
            "å ta brukerens perspektiv inn i teammøter og behandlingsplanlegging"
        ),
        "running groups and courses, often together with a colleague from another profession": (
            "å lede grupper og kurs, ofte sammen med en kollega fra et annet fag"
        ),
        "taking part in developing and evaluating services": (
            "å delta i utvikling og evaluering av tjenestene"
        ),
        (
            "I don't tell people what worked for me. I tell them that something worked, and that we can "
            "look together for what might work for them."
        ): (
            "Jeg forteller ikke folk hva som virket for meg. Jeg forteller dem at noe virket, og at vi "
            "sammen kan lete etter det som kan virke for dem."
        ),
        "A peer support worker in a community mental health team": (
            "En erfaringskonsulent i et kommunalt psykisk helseteam"
        ),
        "Sharing your story with purpose": "Å dele historien sin med en hensikt",
        (
            "A peer support worker does not tell their whole story, and never for their own sake. The "
            "skill lies in choosing what to share, when and why: a short piece of experience that opens a "
            "conversation or gives hope, and then the attention goes back to the other person."
        ): (
            "En erfaringskonsulent forteller ikke hele historien sin, og aldri for sin egen skyld. Kunsten "
            "er å velge hva man deler, når og hvorfor: en kort bit erfaring som åpner en samtale eller gir "
            "håp, og så går oppmerksomheten tilbake til den andre."
        ),
        "Three questions before you share": "Tre spørsmål før du deler",
        "Whom is this for?": "Hvem er dette for?",
        "What do I want it to do?": "Hva vil jeg at det skal gjøre?",
        "Is this the right moment?": "Er dette riktig øyeblikk?",
        "What makes the role work": "Dette får rollen til å fungere",
        (
            "The experience of the network's members points the same way. Peer support workers do best "
            "where the whole team knows why the role exists, where the job description is clear, and where "
            "there is regular supervision together with other peer support workers. Being the only one in "
            "a workplace with this role can be lonely; colleagues in a network elsewhere help."
        ): (
            "Erfaringene til nettverkets medlemmer peker i samme retning. Erfaringskonsulenter lykkes best "
            "der hele teamet vet hvorfor rollen finnes, der stillingsbeskrivelsen er tydelig, og der det "
            "er jevnlig veiledning sammen med andre erfaringskonsulenter. Å være den eneste med denne "
            "rollen på en arbeidsplass kan være ensomt; kolleger i et nettverk andre steder er til hjelp."
        ),
        "Your own health comes first": "Din egen helse kommer først",
        (
            "Working close to other people's crises can stir up your own memories. Agree with your manager "
            "in advance what you will do on a hard day, and bring it to supervision. Looking after "
            "yourself is part of the job, not a break from it."
        ): (
            "Å jobbe tett på andres kriser kan vekke dine egne minner. Avtal med lederen din på forhånd "
            "hva du gjør på en tung dag, og ta det opp i veiledning. Å ta vare på deg selv er en del av "
            "jobben, ikke en pause fra den."
        ),
        "For employers": "For arbeidsgivere",
        (
            "The network's handbook for employers goes through what to prepare before hiring, how to write "
            "the job description and how to follow up during the first year."
        ): (
            "Nettverkets håndbok for arbeidsgivere går gjennom hva som bør forberedes før ansettelsen, "
            "hvordan stillingsbeskrivelsen skrives, og hvordan man følger opp det første året."
        ),
        "Download the handbook for employers (PDF)": "Last ned håndboken for arbeidsgivere (PDF)",
    },
    "event": {
        "Nordpeer Gathering 2027": "Nordpeer-samlingen 2027",
        "nordpeer-gathering-2027": "nordpeer-samlingen-2027",
        (
            "Two days in Tallinn for everyone who trains, works as or works with peer support workers in "
            "the Nordic and Baltic countries: talks, workshops and plenty of time to meet colleagues from "
            "other countries."
        ): (
            "To dager i Tallinn for alle som utdanner, jobber som eller jobber sammen med "
            "erfaringskonsulenter i Norden og Baltikum: foredrag, verksteder og god tid til å møte "
            "kolleger fra andre land."
        ),
        "Tallinn, Estonia: a conference centre in the city centre, named with the programme": (
            "Tallinn, Estland: et konferansesenter i sentrum, som kunngjøres sammen med programmet"
        ),
        "Peer support workers, students and teachers; employers welcome": (
            "Erfaringskonsulenter, studenter og lærere; arbeidsgivere er velkomne"
        ),
        "Programme": "Program",
        "<b>Thursday:</b> welcome, how the role is developing in each country, dinner together": (
            "<b>Torsdag:</b> velkommen, hvordan rollen utvikler seg i hvert land, felles middag"
        ),
        "<b>Friday:</b> workshops on supervision, training and working conditions, closing plenary": (
            "<b>Fredag:</b> verksteder om veiledning, utdanning og arbeidsvilkår, avsluttende plenum"
        ),
        "The plenary sessions are streamed and interpreted into English. The workshops are in person only.": (
            "Plenumsdelene strømmes og tolkes til engelsk. Verkstedene foregår bare fysisk."
        ),
        "Travelling on a small budget?": "Reiser du med et lite budsjett?",
        (
            "Partner schools can apply for travel support for their students. Ask your school's contact "
            "person before 1 June 2027."
        ): (
            "Partnerskolene kan søke om reisestøtte for studentene sine. Spør kontaktpersonen på skolen "
            "din før 1. juni 2027."
        ),
    },
}

PARTNERS = {
    (
        "A vocational college in western Norway with a two-year part-time programme for peer support "
        "workers in mental health and addiction services, combining classroom teaching with two placement "
        "periods."
    ): (
        "En fagskole på Vestlandet med en toårig deltidsutdanning for erfaringskonsulenter i psykisk "
        "helse- og rustjenester, der undervisning i klasserommet kombineres med to praksisperioder."
    ),
    (
        "A folk high school that runs a one-year course for people who want to use their experience of "
        "mental illness in paid work, and short courses for the employers who hire them."
    ): (
        "En folkehøgskole med et ettårig kurs for dem som vil bruke sin erfaring med psykisk uhelse i "
        "lønnet arbeid, og korte kurs for arbeidsgiverne som ansetter dem."
    ),
    (
        "A user-run recovery centre in Jutland that trains peer workers and offers placements where "
        "students work alongside experienced colleagues."
    ): (
        "Et brukerstyrt recoverysenter på Jylland som utdanner erfaringsmedarbeidere og tilbyr "
        "praksisplasser der studentene jobber side om side med erfarne kolleger."
    ),
    (
        "An association of people with lived experience in Reykjavík that runs peer support groups and "
        "organised the first Icelandic course for peer workers."
    ): (
        "En forening for mennesker med egenerfaring i Reykjavík som driver likepersonsgrupper og "
        "arrangerte det første islandske kurset for erfaringsmedarbeidere."
    ),
    (
        "A training centre in Tartu that prepares experience counsellors for work in psychiatric clinics "
        "and municipalities, and supports them afterwards with group supervision."
    ): (
        "Et opplæringssenter i Tartu som forbereder erfaringskonsulenter til arbeid i psykiatriske "
        "klinikker og kommuner, og som etterpå støtter dem med gruppeveiledning."
    ),
    (
        "An association in Riga that brings people with lived experience into hospitals and social "
        "services and is developing a national course for peer workers."
    ): (
        "En forening i Riga som bringer mennesker med egenerfaring inn i sykehus og sosiale tjenester, og "
        "som utvikler et nasjonalt kurs for erfaringsmedarbeidere."
    ),
    (
        "A non-governmental organisation in Vilnius that trains peer consultants and works with employers "
        "to create the first paid peer positions in the country's mental health centres."
    ): (
        "En frivillig organisasjon i Vilnius som utdanner erfaringskonsulenter og samarbeider med "
        "arbeidsgivere om å opprette de første lønnede stillingene i landets psykiske helsesentre."
    ),
}
