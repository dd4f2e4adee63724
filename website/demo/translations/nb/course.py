"""Norwegian Bokmål translations of the demo course: the course, its modules and its lessons."""

PAGES = {
    "course": {
        "Starting out as a peer support worker": "Ny som erfaringskonsulent",
        "starting-out-as-a-peer-support-worker": "ny-som-erfaringskonsulent",
        (
            "A short course for your first weeks in the role: what peer support work is, how to use your "
            "own experience with care, and how to look after yourself while you do it."
        ): (
            "Et kort kurs for de første ukene i rollen: hva arbeidet som erfaringskonsulent er, hvordan du "
            "bruker din egen erfaring med omtanke, og hvordan du tar vare på deg selv underveis."
        ),
        (
            "Welcome. This course is for people who have just started, or are about to start, as peer "
            "support workers in mental health or addiction services. It has two modules and takes about 45 "
            "minutes. Your progress is saved, so you can stop at any time and come back later. When you "
            "have completed the required lessons, you get a certificate."
        ): (
            "Velkommen. Dette kurset er for deg som nettopp har begynt, eller snart skal begynne, som "
            "erfaringskonsulent i psykisk helse- eller rustjenester. Det har to moduler og tar omtrent 45 "
            "minutter. Fremdriften din lagres, så du kan ta en pause når som helst og komme tilbake senere. "
            "Når du har fullført de obligatoriske leksjonene, får du et kursbevis."
        ),
    },
    "course-role": {
        "The role and what you bring": "Rollen og det du har med deg",
        "the-role-and-what-you-bring": "rollen-og-det-du-har-med-deg",
        "What peer support work is, what the days look like, and the experience it rests on.": (
            "Hva arbeidet som erfaringskonsulent er, hvordan dagene ser ut, og erfaringen det bygger på."
        ),
    },
    "lesson-welcome": {
        "Welcome to peer support work": "Velkommen til arbeidet som erfaringskonsulent",
        "welcome-to-peer-support-work": "velkommen-til-arbeidet-som-erfaringskonsulent",
        "Why your experience is the reason you were hired, and what turns it into skill.": (
            "Hvorfor erfaringen din er grunnen til at du ble ansatt, og hva som gjør den til kompetanse."
        ),
        (
            "Peer support work starts from something you already have: your own experience of mental "
            "illness, addiction or crisis, and of finding a way through. In your new job, that experience "
            "is not something to keep out of sight. It is the reason you were hired."
        ): (
            "Arbeidet som erfaringskonsulent begynner med noe du allerede har: din egen erfaring med psykisk "
            "sykdom, rus eller krise, og med å finne en vei gjennom. I den nye jobben er ikke den erfaringen "
            "noe du skal holde skjult. Den er grunnen til at du ble ansatt."
        ),
        (
            "Experience alone is not the whole job, though. What helps others is experience you have "
            "reflected on: you know what helped you and what did not, and you know that other people's "
            "roads may look quite different."
        ): (
            "Erfaring alene er likevel ikke hele jobben. Det som hjelper andre, er erfaring du har "
            "reflektert over: du vet hva som hjalp deg og hva som ikke gjorde det, og du vet at andres vei "
            "kan se helt annerledes ut."
        ),
        "You are a colleague with a role of your own in the team.": (
            "Du er en kollega med en egen rolle i teamet."
        ),
        "You speak from experience, not from a diagnosis or a treatment plan.": (
            "Du snakker ut fra erfaring, ikke ut fra en diagnose eller en behandlingsplan."
        ),
        "You give hope by being there, more than by giving advice.": (
            "Du gir håp ved å være til stede, mer enn ved å gi råd."
        ),
        (
            "In this course you read, watch a short film, check what you have learned and take time to "
            "think about your own starting point. Each lesson tells you what completes it."
        ): (
            "I dette kurset leser du, ser en kort film, sjekker hva du har lært og tar deg tid til å tenke "
            "over ditt eget utgangspunkt. Hver leksjon forteller hva som skal til for å fullføre den."
        ),
    },
    "lesson-role": {
        "The role in practice": "Rollen i praksis",
        "the-role-in-practice": "rollen-i-praksis",
        "The network's introduction to the role, read inside the course.": (
            "Nettverkets innføring i rollen, lest inne i kurset."
        ),
        (
            "The network's introduction to the role describes what peer support workers do, where they "
            "work and what helps the role work. Read it here; you will come back to its three questions "
            "about sharing in the next module."
        ): (
            "Nettverkets innføring i rollen beskriver hva erfaringskonsulenter gjør, hvor de jobber og hva "
            "som får rollen til å fungere. Les den her; du kommer tilbake til de tre spørsmålene om å dele "
            "i neste modul."
        ),
    },
    "lesson-film": {
        "A film about the everyday work": "En film om hverdagen i jobben",
        "a-film-about-the-everyday-work": "en-film-om-hverdagen-i-jobben",
        "A short silent film in five slides, with captions in several languages.": (
            "En kort stumfilm i fem bilder, med teksting på flere språk."
        ),
        (
            "This short film sums up the everyday work of a peer support worker. It has no sound; the "
            "captions and the transcript are in several languages."
        ): (
            "Denne korte filmen oppsummerer hverdagen til en erfaringskonsulent. Den har ikke lyd; "
            "tekstingen og den skriftlige gjengivelsen finnes på flere språk."
        ),
        (
            "As you watch, notice which tasks you already recognise from your first days at work, and "
            "which are still new to you."
        ): (
            "Legg merke til hvilke oppgaver du allerede kjenner igjen fra de første dagene på jobb, og "
            "hvilke som fortsatt er nye for deg."
        ),
    },
    "course-care": {
        "Using your experience with care": "Å bruke erfaringen med omtanke",
        "using-your-experience-with-care": "a-bruke-erfaringen-med-omtanke",
        "Sharing your story with purpose, keeping boundaries, and looking after your own health.": (
            "Å dele historien din med et formål, holde grenser og ta vare på din egen helse."
        ),
    },
    "lesson-sharing": {
        "Sharing your story": "Å dele historien din",
        "sharing-your-story": "a-dele-historien-din",
        "When and why to share something from your own life, and a short knowledge check.": (
            "Når og hvorfor du deler noe fra ditt eget liv, og en kort kunnskapssjekk."
        ),
        (
            "When you share something from your own life, it should serve the person in front of you. A "
            "short, well-chosen piece of experience can open a conversation or give hope; then the "
            "attention goes back to them."
        ): (
            "Når du deler noe fra ditt eget liv, skal det være til nytte for den som sitter foran deg. En "
            "kort, godt valgt bit av erfaringen kan åpne en samtale eller gi håp; så går oppmerksomheten "
            "tilbake til den andre."
        ),
        (
            "Boundaries protect you both. You can be open about your experience and still keep the details "
            "to yourself. What people tell you is confidential, just as it is for your colleagues."
        ): (
            "Grenser beskytter dere begge. Du kan være åpen om erfaringen din og likevel holde detaljene "
            "for deg selv. Det folk forteller deg, er underlagt taushetsplikt, akkurat som for kollegene "
            "dine."
        ),
        "Check: sharing with care": "Sjekk: å dele med omtanke",
        "Someone you support asks how you stopped drinking. What is the most helpful first answer?": (
            "En du følger opp, spør hvordan du sluttet å drikke. Hva er det mest hjelpsomme første svaret?"
        ),
        "Tell them step by step what you did, so that they can do the same.": (
            "Fortell steg for steg hva du gjorde, slik at hen kan gjøre det samme."
        ),
        "What worked for you may not work for them, and a long story turns the attention to you.": (
            "Det som virket for deg, virker ikke nødvendigvis for andre, og en lang historie flytter "
            "oppmerksomheten over på deg."
        ),
        "Say briefly that change was possible for you, and ask what they have tried themselves.": (
            "Si kort at endring var mulig for deg, og spør hva hen selv har prøvd."
        ),
        (
            "Yes. A short piece of experience gives hope, and the question gives the conversation back to "
            "them."
        ): "Ja. En kort bit av erfaringen gir håp, og spørsmålet gir samtalen tilbake til den andre.",
        "Say that you never talk about your own life at work.": (
            "Si at du aldri snakker om ditt eget liv på jobben."
        ),
        (
            "You may keep the details to yourself, but your experience is why you are there. A short, "
            "chosen answer usually helps more."
        ): (
            "Du kan holde detaljene for deg selv, men erfaringen din er grunnen til at du er der. Et kort, "
            "gjennomtenkt svar hjelper som regel mer."
        ),
        (
            "Sharing with purpose means something short, chosen for the other person's sake, and then the "
            "attention goes back to them."
        ): (
            "Å dele med et formål betyr å dele noe kort, valgt for den andres skyld, og så går "
            "oppmerksomheten tilbake til den andre."
        ),
        (
            "Which questions help you decide whether to share something from your own life? Choose all "
            "that apply."
        ): (
            "Hvilke spørsmål hjelper deg å avgjøre om du skal dele noe fra ditt eget liv? Velg alle som "
            "passer."
        ),
        "Whom is this for?": "Hvem er dette for?",
        "Yes: what you share should serve the other person.": (
            "Ja: det du deler, skal være til nytte for den andre."
        ),
        "What do I want it to do?": "Hva vil jeg at det skal gjøre?",
        "Yes: know the purpose, such as giving hope or opening up.": (
            "Ja: vit hva formålet er, for eksempel å gi håp eller å åpne en samtale."
        ),
        "Is this the right moment?": "Er dette riktig øyeblikk?",
        "Yes: the same story can help one day and be a burden the next.": (
            "Ja: den samme historien kan hjelpe den ene dagen og være en belastning den neste."
        ),
        "Will it show that I have everything figured out?": "Viser det at jeg har alt på plass?",
        "No: sharing is not about looking like a success. An honest, unfinished story often helps more.": (
            "Nei: å dele handler ikke om å fremstå som en suksess. En ærlig, uferdig historie hjelper ofte "
            "mer."
        ),
        (
            "These are the three questions from the introduction to the role: whom it is for, what it "
            "should do, and whether this is the right moment."
        ): (
            "Dette er de tre spørsmålene fra innføringen i rollen: hvem det er for, hva det skal gjøre, og "
            "om dette er riktig øyeblikk."
        ),
        "As a peer support worker you have the same duty of confidentiality as your colleagues.": (
            "Som erfaringskonsulent har du samme taushetsplikt som kollegene dine."
        ),
        (
            "True. What people tell you is covered by the same rules as for everyone else on the staff. "
            "Your own experience does not change that."
        ): (
            "Sant. Det folk forteller deg, er omfattet av de samme reglene som for alle andre ansatte. Din "
            "egen erfaring endrer ikke det."
        ),
        "A good peer support worker tells the people they meet their whole story.": (
            "En god erfaringskonsulent forteller hele historien sin til dem hen møter."
        ),
        (
            "False. You choose what to share, when and why. Keeping parts of your story to yourself is a "
            "healthy boundary, not a lack of openness."
        ): (
            "Usant. Du velger hva du deler, når og hvorfor. Å holde deler av historien for deg selv er en "
            "sunn grense, ikke mangel på åpenhet."
        ),
    },
    "lesson-yourself": {
        "Looking after yourself": "Å ta vare på deg selv",
        "looking-after-yourself": "a-ta-vare-pa-deg-selv",
        "A reflection on what you need on a hard day. You mark it done yourself.": (
            "En refleksjon over hva du trenger en tung dag. Du markerer den selv som fullført."
        ),
        (
            "Working close to other people's crises can stir up your own memories. That does not mean you "
            "are in the wrong job: it is part of the work, and it is easier to handle when you have planned "
            "for it."
        ): (
            "Å jobbe tett på andres kriser kan vekke dine egne minner. Det betyr ikke at du er i feil jobb: "
            "det hører med til arbeidet, og det er lettere å håndtere når du har planlagt for det."
        ),
        (
            "Take a quiet moment with these questions, on your own or with your supervisor. The answers "
            "are for you; you do not need to write them down here."
        ): (
            "Ta deg en rolig stund med disse spørsmålene, alene eller sammen med veilederen din. Svarene er "
            "til deg selv; du trenger ikke skrive dem ned her."
        ),
        "What are my first signs that a day has been too heavy?": (
            "Hva er de første tegnene mine på at en dag har vært for tung?"
        ),
        "What helps me recover after a hard conversation?": (
            "Hva hjelper meg å hente meg inn igjen etter en vanskelig samtale?"
        ),
        "Whom at work can I talk to, and when do I have supervision?": (
            "Hvem på jobben kan jeg snakke med, og når har jeg veiledning?"
        ),
        "What have I agreed with my manager about a hard day?": (
            "Hva har jeg avtalt med lederen min om hva jeg gjør en tung dag?"
        ),
        "When you have spent some time with the questions, mark the lesson as done.": (
            "Når du har brukt litt tid på spørsmålene, markerer du leksjonen som fullført."
        ),
    },
    "lesson-network": {
        "Finding colleagues in the network": "Å finne kolleger i nettverket",
        "finding-colleagues-in-the-network": "a-finne-kolleger-i-nettverket",
        "An optional lesson about not being the only one in the role.": (
            "En valgfri leksjon om å ikke være den eneste i rollen."
        ),
        (
            "Many peer support workers are the only one with the role in their workplace. Colleagues who do "
            "the same work elsewhere can help you carry that."
        ): (
            "Mange erfaringskonsulenter er de eneste med rollen på arbeidsplassen sin. Kolleger som gjør det "
            "samme arbeidet andre steder, kan hjelpe deg å bære det."
        ),
        "Ask your manager for supervision together with other peer support workers.": (
            "Be lederen din om veiledning sammen med andre erfaringskonsulenter."
        ),
        "Find out whether your region has a network or a regular meeting.": (
            "Finn ut om det finnes et nettverk eller faste møter i regionen din."
        ),
        "Come to the network's annual gathering, in person or online.": (
            "Kom til nettverkets årlige samling, fysisk eller på nett."
        ),
    },
}
