"""Swedish translations of the publications of the resource library and the videos."""

PAGES = {
    "handbook": {
        "Hiring a peer support worker: a handbook for employers": (
            "Att anställa en brukarmedarbetare: en handbok för arbetsgivare"
        ),
        "handbook-for-employers": "handbok-for-arbetsgivare",
        (
            "For managers in mental health and addiction services who want to employ peer support workers: "
            "how to prepare the team, write the job description, recruit, and give the role the support it "
            "needs in its first year."
        ): (
            "För chefer inom psykiatri och beroendevård som vill anställa brukarmedarbetare: hur man "
            "förbereder teamet, skriver arbetsbeskrivningen, rekryterar och ger rollen det stöd den "
            "behöver under det första året."
        ),
        "What the handbook covers": "Det här tar handboken upp",
        "why services hire peer support workers, and what changes when they do": (
            "varför verksamheter anställer brukarmedarbetare och vad som förändras när de gör det"
        ),
        "preparing the team before the first working day": "att förbereda teamet före den första arbetsdagen",
        "the job description, pay and working conditions": "arbetsbeskrivning, lön och arbetsvillkor",
        "supervision, follow-up and the first year": "handledning, uppföljning och det första året",
        (
            "The handbook is short on purpose. Each chapter ends with questions that a management team can "
            "work through together."
        ): (
            "Handboken är kort med avsikt. Varje kapitel avslutas med frågor som en ledningsgrupp kan "
            "arbeta igenom tillsammans."
        ),
    },
    "brochure": {
        "What is a peer support worker? A brochure for service users and families": (
            "Vad är en brukarmedarbetare? En broschyr för brukare och anhöriga"
        ),
        "brochure-what-is-a-peer-support-worker": "broschyr-vad-ar-en-peer-supporter",
        (
            "A short brochure for waiting rooms and wards that explains in plain words who peer support "
            "workers are and what you can talk to them about, with space on the back for your service's "
            "own information."
        ): (
            "En kort broschyr för väntrum och avdelningar som med enkla ord förklarar vilka peer "
            "supporters är och vad du kan prata med dem om, med plats på baksidan för verksamhetens egen "
            "information."
        ),
        "In the brochure": "I broschyren",
        (
            "Someone on the staff has been through something like what you are going through. The brochure "
            "tells service users and their families what a peer support worker can help with, what they "
            "keep to themselves, and how to get in touch."
        ): (
            "En av de anställda har varit med om något som liknar det du går igenom. Broschyren berättar "
            "för brukare och anhöriga vad en brukarmedarbetare kan hjälpa till med, vad hen har "
            "tystnadsplikt om och hur man tar kontakt."
        ),
        "Peer support in our service": "Peer support hos oss",
    },
    "what-peer-workers-do": {
        "What does a peer support worker do?": "Vad gör en brukarmedarbetare?",
        "what-does-a-peer-support-worker-do": "vad-gor-en-peer-supporter",
        "A short film in five slides about the everyday work of a peer support worker.": (
            "En kort film i fem bilder om en brukarmedarbetare vardag."
        ),
        "The film has no sound. It shows these slides, one after the other:": (
            "Filmen har inget ljud. Den visar de här bilderna, en i taget:"
        ),
        "They use their own experience of mental illness or addiction, and of recovery.": (
            "De använder sin egen erfarenhet av psykisk ohälsa eller beroende, och av återhämtning."
        ),
        "They walk alongside people: conversations, errands, meetings.": (
            "De går bredvid människor: samtal, ärenden, möten."
        ),
        "They bring the service user's voice into the team.": "De för in brukarens röst i teamet.",
        "They show that change is possible.": "De visar att förändring är möjlig.",
    },
    "sharing-with-care": {
        "Sharing your story with care": "Att dela sin berättelse med omsorg",
        "sharing-your-story-with-care": "dela-sin-berattelse-med-omsorg",
        "Three questions to ask yourself before you tell someone about your own experience.": (
            "Tre frågor att ställa till dig själv innan du berättar för någon om din egen erfarenhet."
        ),
        "The film has no sound. It shows these slides, one after the other:": (
            "Filmen har inget ljud. Den visar de här bilderna, en i taget:"
        ),
        "Whom is this for?": "Vem är det här till för?",
        "What do I want it to do?": "Vad vill jag att det ska göra?",
        "Is this the right moment?": "Är det här rätt tillfälle?",
        "Share a little, then turn back to the other person.": (
            "Dela lite, och vänd sedan uppmärksamheten tillbaka till den andra."
        ),
    },
}
