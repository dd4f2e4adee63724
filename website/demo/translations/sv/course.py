"""Swedish translations of the demo course: the course, its modules and its lessons."""

PAGES = {
    "course": {
        "Starting out as a peer support worker": "Ny som brukarmedarbetare",
        "starting-out-as-a-peer-support-worker": "ny-som-peer-supporter",
        (
            "A short course for your first weeks in the role: what peer support work is, how to use your "
            "own experience with care, and how to look after yourself while you do it."
        ): (
            "En kort kurs för dina första veckor i rollen: vad arbetet som brukarmedarbetare är, hur du "
            "använder din egen erfarenhet med omsorg och hur du tar hand om dig själv under tiden."
        ),
        (
            "Welcome. This course is for people who have just started, or are about to start, as peer "
            "support workers in mental health or addiction services. It has two modules and takes about 45 "
            "minutes. Your progress is saved, so you can stop at any time and come back later. When you "
            "have completed the required lessons, you get a certificate."
        ): (
            "Välkommen. Den här kursen är för dig som just har börjat, eller snart ska börja, som peer "
            "supporter inom psykiatri eller beroendevård. Den har två moduler och tar ungefär 45 minuter. "
            "Dina framsteg sparas, så du kan göra uppehåll när du vill och fortsätta senare. När du har "
            "slutfört de obligatoriska lektionerna får du ett kursintyg."
        ),
    },
    "course-role": {
        "The role and what you bring": "Rollen och det du har med dig",
        "the-role-and-what-you-bring": "rollen-och-det-du-har-med-dig",
        "What peer support work is, what the days look like, and the experience it rests on.": (
            "Vad arbetet som brukarmedarbetare är, hur dagarna ser ut och den erfarenhet det vilar på."
        ),
    },
    "lesson-welcome": {
        "Welcome to peer support work": "Välkommen till arbetet som brukarmedarbetare",
        "welcome-to-peer-support-work": "valkommen-till-arbetet-som-peer-supporter",
        "Why your experience is the reason you were hired, and what turns it into skill.": (
            "Varför din erfarenhet är skälet till att du anställdes, och vad som gör den till kunskap."
        ),
        (
            "Peer support work starts from something you already have: your own experience of mental "
            "illness, addiction or crisis, and of finding a way through. In your new job, that experience "
            "is not something to keep out of sight. It is the reason you were hired."
        ): (
            "Arbetet som brukarmedarbetare utgår från något du redan har: din egen erfarenhet av psykisk "
            "ohälsa, beroende eller kris, och av att hitta en väg igenom. I ditt nya jobb är den "
            "erfarenheten inte något du ska hålla undan. Den är skälet till att du anställdes."
        ),
        (
            "Experience alone is not the whole job, though. What helps others is experience you have "
            "reflected on: you know what helped you and what did not, and you know that other people's "
            "roads may look quite different."
        ): (
            "Erfarenhet räcker ändå inte för hela jobbet. Det som hjälper andra är erfarenhet som du har "
            "reflekterat över: du vet vad som hjälpte dig och vad som inte gjorde det, och du vet att "
            "andras väg kan se helt annorlunda ut."
        ),
        "You are a colleague with a role of your own in the team.": (
            "Du är en kollega med en egen roll i teamet."
        ),
        "You speak from experience, not from a diagnosis or a treatment plan.": (
            "Du talar utifrån erfarenhet, inte utifrån en diagnos eller en vårdplan."
        ),
        "You give hope by being there, more than by giving advice.": (
            "Du ger hopp genom att finnas där, mer än genom att ge råd."
        ),
        (
            "In this course you read, watch a short film, check what you have learned and take time to "
            "think about your own starting point. Each lesson tells you what completes it."
        ): (
            "I den här kursen läser du, ser en kort film, kontrollerar vad du har lärt dig och tar dig tid "
            "att tänka över din egen utgångspunkt. Varje lektion berättar vad som krävs för att slutföra den."
        ),
    },
    "lesson-role": {
        "The role in practice": "Rollen i praktiken",
        "the-role-in-practice": "rollen-i-praktiken",
        "The network's introduction to the role, read inside the course.": (
            "Nätverkets introduktion till rollen, läst inne i kursen."
        ),
        (
            "The network's introduction to the role describes what peer support workers do, where they "
            "work and what helps the role work. Read it here; you will come back to its three questions "
            "about sharing in the next module."
        ): (
            "Nätverkets introduktion till rollen beskriver vad brukarmedarbetare gör, var de arbetar och vad "
            "som får rollen att fungera. Läs den här; du återkommer till dess tre frågor om att dela i nästa "
            "modul."
        ),
    },
    "lesson-film": {
        "A film about the everyday work": "En film om vardagen i arbetet",
        "a-film-about-the-everyday-work": "en-film-om-vardagen-i-arbetet",
        "A short silent film in five slides, with captions in several languages.": (
            "En kort stumfilm i fem bilder, med undertexter på flera språk."
        ),
        (
            "This short film sums up the everyday work of a peer support worker. It has no sound; the "
            "captions and the transcript are in several languages."
        ): (
            "Den här korta filmen sammanfattar vardagen för en brukarmedarbetare. Den har inget ljud; "
            "undertexterna och den skriftliga versionen finns på flera språk."
        ),
        (
            "As you watch, notice which tasks you already recognise from your first days at work, and "
            "which are still new to you."
        ): (
            "Lägg märke till vilka uppgifter du redan känner igen från dina första dagar på jobbet, och "
            "vilka som fortfarande är nya för dig."
        ),
    },
    "course-care": {
        "Using your experience with care": "Att använda din erfarenhet med omsorg",
        "using-your-experience-with-care": "att-anvanda-din-erfarenhet-med-omsorg",
        "Sharing your story with purpose, keeping boundaries, and looking after your own health.": (
            "Att dela din berättelse med ett syfte, hålla gränser och ta hand om din egen hälsa."
        ),
    },
    "lesson-sharing": {
        "Sharing your story": "Att dela din berättelse",
        "sharing-your-story": "att-dela-din-berattelse",
        "When and why to share something from your own life, and a short knowledge check.": (
            "När och varför du delar något från ditt eget liv, och en kort kunskapskontroll."
        ),
        (
            "When you share something from your own life, it should serve the person in front of you. A "
            "short, well-chosen piece of experience can open a conversation or give hope; then the "
            "attention goes back to them."
        ): (
            "När du delar något från ditt eget liv ska det vara till nytta för den som sitter framför dig. "
            "En kort, väl vald bit erfarenhet kan öppna ett samtal eller ge hopp; sedan går "
            "uppmärksamheten tillbaka till den andra."
        ),
        (
            "Boundaries protect you both. You can be open about your experience and still keep the details "
            "to yourself. What people tell you is confidential, just as it is for your colleagues."
        ): (
            "Gränser skyddar er båda. Du kan vara öppen med din erfarenhet och ändå behålla detaljerna för "
            "dig själv. Det som människor berättar för dig omfattas av tystnadsplikt, precis som för dina "
            "kolleger."
        ),
        "Check: sharing with care": "Kontroll: att dela med omsorg",
        "Someone you support asks how you stopped drinking. What is the most helpful first answer?": (
            "Någon du stöttar frågar hur du slutade dricka. Vilket första svar hjälper mest?"
        ),
        "Tell them step by step what you did, so that they can do the same.": (
            "Berätta steg för steg vad du gjorde, så att hen kan göra likadant."
        ),
        "What worked for you may not work for them, and a long story turns the attention to you.": (
            "Det som fungerade för dig fungerar inte nödvändigtvis för andra, och en lång berättelse flyttar "
            "uppmärksamheten till dig."
        ),
        "Say briefly that change was possible for you, and ask what they have tried themselves.": (
            "Säg kort att förändring var möjlig för dig, och fråga vad hen själv har provat."
        ),
        (
            "Yes. A short piece of experience gives hope, and the question gives the conversation back to "
            "them."
        ): "Ja. En kort bit erfarenhet ger hopp, och frågan ger samtalet tillbaka till den andra.",
        "Say that you never talk about your own life at work.": (
            "Säg att du aldrig pratar om ditt eget liv på jobbet."
        ),
        (
            "You may keep the details to yourself, but your experience is why you are there. A short, "
            "chosen answer usually helps more."
        ): (
            "Du får behålla detaljerna för dig själv, men din erfarenhet är skälet till att du är där. Ett "
            "kort, genomtänkt svar hjälper oftast mer."
        ),
        (
            "Sharing with purpose means something short, chosen for the other person's sake, and then the "
            "attention goes back to them."
        ): (
            "Att dela med ett syfte betyder att dela något kort, valt för den andras skull, och sedan går "
            "uppmärksamheten tillbaka till den andra."
        ),
        (
            "Which questions help you decide whether to share something from your own life? Choose all "
            "that apply."
        ): (
            "Vilka frågor hjälper dig att avgöra om du ska dela något från ditt eget liv? Välj alla som "
            "stämmer."
        ),
        "Whom is this for?": "Vem är det här till för?",
        "Yes: what you share should serve the other person.": (
            "Ja: det du delar ska vara till nytta för den andra."
        ),
        "What do I want it to do?": "Vad vill jag att det ska göra?",
        "Yes: know the purpose, such as giving hope or opening up.": (
            "Ja: var klar över syftet, till exempel att ge hopp eller öppna ett samtal."
        ),
        "Is this the right moment?": "Är det här rätt tillfälle?",
        "Yes: the same story can help one day and be a burden the next.": (
            "Ja: samma berättelse kan hjälpa en dag och bli en börda nästa."
        ),
        "Will it show that I have everything figured out?": "Visar det att jag har allt på plats?",
        "No: sharing is not about looking like a success. An honest, unfinished story often helps more.": (
            "Nej: att dela handlar inte om att framstå som en framgång. En ärlig, ofärdig berättelse hjälper "
            "ofta mer."
        ),
        (
            "These are the three questions from the introduction to the role: whom it is for, what it "
            "should do, and whether this is the right moment."
        ): (
            "Det här är de tre frågorna från introduktionen till rollen: vem det är till för, vad det ska "
            "göra och om det är rätt tillfälle."
        ),
        "As a peer support worker you have the same duty of confidentiality as your colleagues.": (
            "Som brukarmedarbetare har du samma tystnadsplikt som dina kolleger."
        ),
        (
            "True. What people tell you is covered by the same rules as for everyone else on the staff. "
            "Your own experience does not change that."
        ): (
            "Sant. Det som människor berättar för dig omfattas av samma regler som för all annan personal. "
            "Din egen erfarenhet ändrar inte på det."
        ),
        "A good peer support worker tells the people they meet their whole story.": (
            "En bra brukarmedarbetare berättar hela sin historia för dem hen möter."
        ),
        (
            "False. You choose what to share, when and why. Keeping parts of your story to yourself is a "
            "healthy boundary, not a lack of openness."
        ): (
            "Falskt. Du väljer vad du delar, när och varför. Att behålla delar av din berättelse för dig "
            "själv är en sund gräns, inte brist på öppenhet."
        ),
    },
    "lesson-yourself": {
        "Looking after yourself": "Att ta hand om dig själv",
        "looking-after-yourself": "att-ta-hand-om-dig-sjalv",
        "A reflection on what you need on a hard day. You mark it done yourself.": (
            "En reflektion över vad du behöver en tung dag. Du markerar den själv som klar."
        ),
        (
            "Working close to other people's crises can stir up your own memories. That does not mean you "
            "are in the wrong job: it is part of the work, and it is easier to handle when you have planned "
            "for it."
        ): (
            "Att arbeta nära andras kriser kan väcka dina egna minnen. Det betyder inte att du har fel jobb: "
            "det hör till arbetet, och det är lättare att hantera när du har planerat för det."
        ),
        (
            "Take a quiet moment with these questions, on your own or with your supervisor. The answers "
            "are for you; you do not need to write them down here."
        ): (
            "Ta en lugn stund med de här frågorna, på egen hand eller tillsammans med din handledare. "
            "Svaren är till för dig; du behöver inte skriva ner dem här."
        ),
        "What are my first signs that a day has been too heavy?": (
            "Vilka är mina första tecken på att en dag har varit för tung?"
        ),
        "What helps me recover after a hard conversation?": (
            "Vad hjälper mig att återhämta mig efter ett svårt samtal?"
        ),
        "Whom at work can I talk to, and when do I have supervision?": (
            "Vem på jobbet kan jag prata med, och när har jag handledning?"
        ),
        "What have I agreed with my manager about a hard day?": (
            "Vad har jag kommit överens med min chef om inför en tung dag?"
        ),
        "When you have spent some time with the questions, mark the lesson as done.": (
            "När du har ägnat en stund åt frågorna markerar du lektionen som klar."
        ),
    },
    "lesson-network": {
        "Finding colleagues in the network": "Att hitta kolleger i nätverket",
        "finding-colleagues-in-the-network": "att-hitta-kolleger-i-natverket",
        "An optional lesson about not being the only one in the role.": (
            "En valfri lektion om att inte vara ensam i rollen."
        ),
        (
            "Many peer support workers are the only one with the role in their workplace. Colleagues who do "
            "the same work elsewhere can help you carry that."
        ): (
            "Många brukarmedarbetare är ensamma om rollen på sin arbetsplats. Kolleger som gör samma arbete "
            "på andra håll kan hjälpa dig att bära det."
        ),
        "Ask your manager for supervision together with other peer support workers.": (
            "Be din chef om handledning tillsammans med andra brukarmedarbetare."
        ),
        "Find out whether your region has a network or a regular meeting.": (
            "Ta reda på om det finns ett nätverk eller regelbundna träffar i din region."
        ),
        "Come to the network's annual gathering, in person or online.": (
            "Kom till nätverkets årliga träff, på plats eller online."
        ),
    },
}
