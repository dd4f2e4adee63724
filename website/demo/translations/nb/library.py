"""Norwegian Bokmål translations of the publications of the resource library and the videos."""

PAGES = {
    "handbook": {
        "Hiring a peer support worker: a handbook for employers": (
            "Å ansette en erfaringskonsulent: en håndbok for arbeidsgivere"
        ),
        "handbook-for-employers": "handbok-for-arbeidsgivere",
        (
            "For managers in mental health and addiction services who want to employ peer support workers: "
            "how to prepare the team, write the job description, recruit, and give the role the support it "
            "needs in its first year."
        ): (
            "For ledere i psykisk helse- og rustjenester som vil ansette erfaringskonsulenter: hvordan man "
            "forbereder teamet, skriver stillingsbeskrivelsen, rekrutterer og gir rollen den støtten den "
            "trenger det første året."
        ),
        "What the handbook covers": "Dette tar håndboken for seg",
        "why services hire peer support workers, and what changes when they do": (
            "hvorfor tjenester ansetter erfaringskonsulenter, og hva som endrer seg når de gjør det"
        ),
        "preparing the team before the first working day": "å forberede teamet før første arbeidsdag",
        "the job description, pay and working conditions": "stillingsbeskrivelse, lønn og arbeidsvilkår",
        "supervision, follow-up and the first year": "veiledning, oppfølging og det første året",
        (
            "The handbook is short on purpose. Each chapter ends with questions that a management team can "
            "work through together."
        ): (
            "Håndboken er kort med vilje. Hvert kapittel slutter med spørsmål som en ledergruppe kan "
            "arbeide seg gjennom sammen."
        ),
    },
    "brochure": {
        "What is a peer support worker? A brochure for service users and families": (
            "Hva er en erfaringskonsulent? En brosjyre for brukere og pårørende"
        ),
        "brochure-what-is-a-peer-support-worker": "brosjyre-hva-er-en-erfaringskonsulent",
        (
            "A short brochure for waiting rooms and wards that explains in plain words who peer support "
            "workers are and what you can talk to them about, with space on the back for your service's "
            "own information."
        ): (
            "En kort brosjyre til venterom og avdelinger som med enkle ord forklarer hvem "
            "erfaringskonsulenter er og hva du kan snakke med dem om, med plass på baksiden til tjenestens "
            "egen informasjon."
        ),
        "In the brochure": "I brosjyren",
        (
            "Someone on the staff has been through something like what you are going through. The brochure "
            "tells service users and their families what a peer support worker can help with, what they "
            "keep to themselves, and how to get in touch."
        ): (
            "En av de ansatte har vært gjennom noe som ligner det du står i nå. Brosjyren forteller "
            "brukere og pårørende hva en erfaringskonsulent kan hjelpe med, hva hen har taushetsplikt om, "
            "og hvordan man tar kontakt."
        ),
        "Peer support in our service": "Erfaringskonsulenter hos oss",
    },
    "what-peer-workers-do": {
        "What does a peer support worker do?": "Hva gjør en erfaringskonsulent?",
        "what-does-a-peer-support-worker-do": "hva-gjor-en-erfaringskonsulent",
        "A short film in five slides about the everyday work of a peer support worker.": (
            "En kort film i fem bilder om hverdagen til en erfaringskonsulent."
        ),
        "The film has no sound. It shows these slides, one after the other:": (
            "Filmen har ikke lyd. Den viser disse bildene, det ene etter det andre:"
        ),
        "They use their own experience of mental illness or addiction, and of recovery.": (
            "De bruker sin egen erfaring med psykisk uhelse eller rusavhengighet, og med bedring."
        ),
        "They walk alongside people: conversations, errands, meetings.": (
            "De går ved siden av folk: samtaler, ærender, møter."
        ),
        "They bring the service user's voice into the team.": "De tar brukerens stemme med inn i teamet.",
        "They show that change is possible.": "De viser at endring er mulig.",
    },
    "sharing-with-care": {
        "Sharing your story with care": "Å dele historien sin med omtanke",
        "sharing-your-story-with-care": "dele-historien-med-omtanke",
        "Three questions to ask yourself before you tell someone about your own experience.": (
            "Tre spørsmål du kan stille deg selv før du forteller noen om din egen erfaring."
        ),
        "The film has no sound. It shows these slides, one after the other:": (
            "Filmen har ikke lyd. Den viser disse bildene, det ene etter det andre:"
        ),
        "Whom is this for?": "Hvem er dette for?",
        "What do I want it to do?": "Hva vil jeg at det skal gjøre?",
        "Is this the right moment?": "Er dette riktig øyeblikk?",
        "Share a little, then turn back to the other person.": (
            "Del litt, og vend så oppmerksomheten tilbake til den andre."
        ),
    },
}
