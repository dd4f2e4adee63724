"""Estonian translations of the publications of the resource library and the videos."""

PAGES = {
    "handbook": {
        "Hiring a peer support worker: a handbook for employers": (
            "Kogemusnõustaja töölevõtmine: käsiraamat tööandjatele"
        ),
        "handbook-for-employers": "kasiraamat-tooandjatele",
        (
            "For managers in mental health and addiction services who want to employ peer support workers: "
            "how to prepare the team, write the job description, recruit, and give the role the support it "
            "needs in its first year."
        ): (
            "Vaimse tervise ja sõltuvusteenuste juhtidele, kes soovivad tööle võtta kogemusnõustajaid: "
            "kuidas meeskonda ette valmistada, ametijuhendit kirjutada, värvata ja pakkuda rollile "
            "esimesel aastal vajalikku tuge."
        ),
        "What the handbook covers": "Millest käsiraamat räägib",
        "why services hire peer support workers, and what changes when they do": (
            "miks teenused kogemusnõustajaid tööle võtavad ja mis muutub, kui nad seda teevad"
        ),
        "preparing the team before the first working day": "meeskonna ettevalmistamine enne esimest tööpäeva",
        "the job description, pay and working conditions": "ametijuhend, palk ja töötingimused",
        "supervision, follow-up and the first year": "supervisioon, jätkutugi ja esimene aasta",
        (
            "The handbook is short on purpose. Each chapter ends with questions that a management team can "
            "work through together."
        ): (
            "Käsiraamat on meelega lühike. Iga peatükk lõpeb küsimustega, mida juhtkond saab koos läbi "
            "arutada."
        ),
    },
    "brochure": {
        "What is a peer support worker? A brochure for service users and families": (
            "Kes on kogemusnõustaja? Voldik teenuste kasutajatele ja lähedastele"
        ),
        "brochure-what-is-a-peer-support-worker": "voldik-kes-on-kogemusnoustaja",
        (
            "A short brochure for waiting rooms and wards that explains in plain words who peer support "
            "workers are and what you can talk to them about, with space on the back for your service's "
            "own information."
        ): (
            "Lühike voldik ooteruumidesse ja osakondadesse, mis selgitab lihtsate sõnadega, kes on "
            "kogemusnõustajad ja millest nendega rääkida saab. Tagaküljel on ruumi teie teenuse enda "
            "teabele."
        ),
        "In the brochure": "Voldikus",
        (
            "Someone on the staff has been through something like what you are going through. The brochure "
            "tells service users and their families what a peer support worker can help with, what they "
            "keep to themselves, and how to get in touch."
        ): (
            "Keegi töötajatest on läbi elanud midagi sarnast sellega, mida sina praegu läbi elad. Voldik "
            "räägib teenuste kasutajatele ja nende lähedastele, milles kogemusnõustaja saab aidata, mida "
            "ta hoiab konfidentsiaalsena ja kuidas temaga ühendust võtta."
        ),
        "Peer support in our service": "Kogemusnõustamine meie juures",
    },
    "what-peer-workers-do": {
        "What does a peer support worker do?": "Mida teeb kogemusnõustaja?",
        "what-does-a-peer-support-worker-do": "mida-teeb-kogemusnoustaja",
        "A short film in five slides about the everyday work of a peer support worker.": (
            "Lühifilm viiel slaidil kogemusnõustaja igapäevatööst."
        ),
        "The film has no sound. It shows these slides, one after the other:": (
            "Filmil ei ole heli. See näitab järgemööda neid slaide:"
        ),
        "They use their own experience of mental illness or addiction, and of recovery.": (
            "Nad kasutavad oma kogemust vaimse tervise häire või sõltuvusega ning taastumisega."
        ),
        "They walk alongside people: conversations, errands, meetings.": (
            "Nad on inimestele kõrval: vestlused, asjaajamine, kohtumised."
        ),
        "They bring the service user's voice into the team.": "Nad toovad teenusekasutaja hääle meeskonda.",
        "They show that change is possible.": "Nad näitavad, et muutus on võimalik.",
    },
    "sharing-with-care": {
        "Sharing your story with care": "Oma loo jagamine hoolega",
        "sharing-your-story-with-care": "oma-loo-jagamine-hoolega",
        "Three questions to ask yourself before you tell someone about your own experience.": (
            "Kolm küsimust, mida endalt küsida, enne kui räägid kellelegi oma kogemusest."
        ),
        "The film has no sound. It shows these slides, one after the other:": (
            "Filmil ei ole heli. See näitab järgemööda neid slaide:"
        ),
        "Whom is this for?": "Kelle jaoks see on?",
        "What do I want it to do?": "Mida ma tahan sellega saavutada?",
        "Is this the right moment?": "Kas see on õige hetk?",
        "Share a little, then turn back to the other person.": (
            "Jaga natuke ja pööra siis tähelepanu tagasi teisele inimesele."
        ),
    },
}
