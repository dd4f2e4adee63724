"""Estonian translations of the demo course: the course, its modules and its lessons."""

PAGES = {
    "course": {
        "Starting out as a peer support worker": "Kogemusnõustajana alustamine",
        "starting-out-as-a-peer-support-worker": "kogemusnoustajana-alustamine",
        (
            "A short course for your first weeks in the role: what peer support work is, how to use your "
            "own experience with care, and how to look after yourself while you do it."
        ): (
            "Lühike kursus sinu esimesteks nädalateks selles rollis: mis on kogemusnõustaja töö, kuidas "
            "kasutada oma kogemust hoolikalt ja kuidas samal ajal enda eest hoolitseda."
        ),
        (
            "Welcome. This course is for people who have just started, or are about to start, as peer "
            "support workers in mental health or addiction services. It has two modules and takes about 45 "
            "minutes. Your progress is saved, so you can stop at any time and come back later. When you "
            "have completed the required lessons, you get a certificate."
        ): (
            "Tere tulemast! See kursus on mõeldud neile, kes on just alustanud või peagi alustamas "
            "kogemusnõustajana vaimse tervise või sõltuvusteenustes. Kursusel on kaks moodulit ja selle "
            "läbimine võtab umbes 45 minutit. Sinu edenemine salvestatakse, nii et võid igal ajal pausi "
            "teha ja hiljem jätkata. Kui oled kohustuslikud õppetunnid läbinud, saad tunnistuse."
        ),
    },
    "course-role": {
        "The role and what you bring": "Roll ja see, mida sina kaasa tood",
        "the-role-and-what-you-bring": "roll-ja-see-mida-sina-kaasa-tood",
        "What peer support work is, what the days look like, and the experience it rests on.": (
            "Mis on kogemusnõustaja töö, milline on tööpäev ja millisele kogemusele see tugineb."
        ),
    },
    "lesson-welcome": {
        "Welcome to peer support work": "Tere tulemast kogemusnõustaja töösse",
        "welcome-to-peer-support-work": "tere-tulemast-kogemusnoustaja-toosse",
        "Why your experience is the reason you were hired, and what turns it into skill.": (
            "Miks just sinu kogemus on põhjus, miks sind tööle võeti, ja mis muudab selle oskuseks."
        ),
        (
            "Peer support work starts from something you already have: your own experience of mental "
            "illness, addiction or crisis, and of finding a way through. In your new job, that experience "
            "is not something to keep out of sight. It is the reason you were hired."
        ): (
            "Kogemusnõustaja töö algab millestki, mis sul juba on: sinu enda kogemusest psüühikahäire, "
            "sõltuvuse või kriisiga ning sellest, kuidas sa leidsid tee edasi. Uues töös ei ole see kogemus "
            "midagi, mida peaks varjama. Just selle pärast sind tööle võeti."
        ),
        (
            "Experience alone is not the whole job, though. What helps others is experience you have "
            "reflected on: you know what helped you and what did not, and you know that other people's "
            "roads may look quite different."
        ): (
            "Ainult kogemusest siiski ei piisa. Teisi aitab kogemus, mille üle oled järele mõelnud: sa tead, "
            "mis sind aitas ja mis mitte, ning tead, et teiste inimeste teekond võib olla hoopis teistsugune."
        ),
        "You are a colleague with a role of your own in the team.": (
            "Sa oled kolleeg, kellel on meeskonnas oma roll."
        ),
        "You speak from experience, not from a diagnosis or a treatment plan.": (
            "Sa räägid kogemusest, mitte diagnoosi või raviplaani põhjal."
        ),
        "You give hope by being there, more than by giving advice.": (
            "Sa annad lootust pigem kohalolekuga kui nõuandeid jagades."
        ),
        (
            "In this course you read, watch a short film, check what you have learned and take time to "
            "think about your own starting point. Each lesson tells you what completes it."
        ): (
            "Sellel kursusel loed, vaatad lühifilmi, kontrollid oma teadmisi ja võtad aega, et mõelda oma "
            "lähtekohale. Iga õppetund ütleb, mida selle läbimiseks teha tuleb."
        ),
    },
    "lesson-role": {
        "The role in practice": "Roll praktikas",
        "the-role-in-practice": "roll-praktikas",
        "The network's introduction to the role, read inside the course.": (
            "Võrgustiku sissejuhatus rolli, loetav otse kursuse sees."
        ),
        (
            "The network's introduction to the role describes what peer support workers do, where they "
            "work and what helps the role work. Read it here; you will come back to its three questions "
            "about sharing in the next module."
        ): (
            "Võrgustiku sissejuhatus rolli kirjeldab, mida kogemusnõustajad teevad, kus nad töötavad ja mis "
            "aitab rollil toimida. Loe see siin läbi; selle kolme jagamist puudutava küsimuse juurde tuled "
            "tagasi järgmises moodulis."
        ),
    },
    "lesson-film": {
        "A film about the everyday work": "Film igapäevatööst",
        "a-film-about-the-everyday-work": "film-igapaevatoost",
        "A short silent film in five slides, with captions in several languages.": (
            "Lühike tumm film viiest slaidist, subtiitritega mitmes keeles."
        ),
        (
            "This short film sums up the everyday work of a peer support worker. It has no sound; the "
            "captions and the transcript are in several languages."
        ): (
            "See lühifilm võtab kokku kogemusnõustaja igapäevatöö. Filmil ei ole heli; subtiitrid ja "
            "tekstiversioon on olemas mitmes keeles."
        ),
        (
            "As you watch, notice which tasks you already recognise from your first days at work, and "
            "which are still new to you."
        ): (
            "Vaadates pane tähele, milliseid ülesandeid tunned juba oma esimestest tööpäevadest ära ja "
            "millised on sinu jaoks veel uued."
        ),
    },
    "course-care": {
        "Using your experience with care": "Oma kogemuse hoolikas kasutamine",
        "using-your-experience-with-care": "oma-kogemuse-hoolikas-kasutamine",
        "Sharing your story with purpose, keeping boundaries, and looking after your own health.": (
            "Oma loo eesmärgipärane jagamine, piiride hoidmine ja enda tervise eest hoolitsemine."
        ),
    },
    "lesson-sharing": {
        "Sharing your story": "Oma loo jagamine",
        "sharing-your-story": "oma-loo-jagamine",
        "When and why to share something from your own life, and a short knowledge check.": (
            "Millal ja miks jagada midagi oma elust, ning lühike teadmiste kontroll."
        ),
        (
            "When you share something from your own life, it should serve the person in front of you. A "
            "short, well-chosen piece of experience can open a conversation or give hope; then the "
            "attention goes back to them."
        ): (
            "Kui jagad midagi oma elust, peab see teenima inimest, kes on sinu ees. Lühike, hästi valitud "
            "killuke kogemust võib avada vestluse või anda lootust; seejärel läheb tähelepanu tagasi temale."
        ),
        (
            "Boundaries protect you both. You can be open about your experience and still keep the details "
            "to yourself. What people tell you is confidential, just as it is for your colleagues."
        ): (
            "Piirid kaitsevad teid mõlemaid. Võid oma kogemusest avatult rääkida ja siiski üksikasjad endale "
            "jätta. See, mida inimesed sulle räägivad, on konfidentsiaalne, täpselt nagu sinu kolleegide "
            "puhul."
        ),
        "Check: sharing with care": "Kontroll: hoolikas jagamine",
        "Someone you support asks how you stopped drinking. What is the most helpful first answer?": (
            "Keegi, keda sa toetad, küsib, kuidas sa joomise lõpetasid. Milline on kõige kasulikum esimene "
            "vastus?"
        ),
        "Tell them step by step what you did, so that they can do the same.": (
            "Räägi samm-sammult, mida sa tegid, et ta saaks sama teha."
        ),
        "What worked for you may not work for them, and a long story turns the attention to you.": (
            "See, mis aitas sind, ei pruugi aidata teda, ja pikk lugu viib tähelepanu sinule."
        ),
        "Say briefly that change was possible for you, and ask what they have tried themselves.": (
            "Ütle lühidalt, et sinu jaoks oli muutus võimalik, ja küsi, mida ta ise on proovinud."
        ),
        (
            "Yes. A short piece of experience gives hope, and the question gives the conversation back to "
            "them."
        ): "Jah. Lühike killuke kogemust annab lootust ja küsimus annab vestluse talle tagasi.",
        "Say that you never talk about your own life at work.": (
            "Ütle, et sa ei räägi tööl kunagi oma elust."
        ),
        (
            "You may keep the details to yourself, but your experience is why you are there. A short, "
            "chosen answer usually helps more."
        ): (
            "Üksikasjad võid endale jätta, kuid sinu kogemus on põhjus, miks sa seal oled. Lühike, "
            "läbimõeldud vastus aitab tavaliselt rohkem."
        ),
        (
            "Sharing with purpose means something short, chosen for the other person's sake, and then the "
            "attention goes back to them."
        ): (
            "Eesmärgipärane jagamine tähendab midagi lühikest, mis on valitud teise inimese pärast, ja "
            "seejärel läheb tähelepanu tagasi temale."
        ),
        (
            "Which questions help you decide whether to share something from your own life? Choose all "
            "that apply."
        ): "Millised küsimused aitavad sul otsustada, kas jagada midagi oma elust? Vali kõik sobivad.",
        "Whom is this for?": "Kelle jaoks see on?",
        "Yes: what you share should serve the other person.": (
            "Jah: see, mida jagad, peab teenima teist inimest."
        ),
        "What do I want it to do?": "Mida ma tahan sellega saavutada?",
        "Yes: know the purpose, such as giving hope or opening up.": (
            "Jah: tea oma eesmärki, näiteks lootuse andmist või vestluse avamist."
        ),
        "Is this the right moment?": "Kas see on õige hetk?",
        "Yes: the same story can help one day and be a burden the next.": (
            "Jah: sama lugu võib ühel päeval aidata ja järgmisel koormata."
        ),
        "Will it show that I have everything figured out?": "Kas see näitab, et mul on kõik korras?",
        "No: sharing is not about looking like a success. An honest, unfinished story often helps more.": (
            "Ei: jagamise mõte ei ole jätta eduka inimese muljet. Aus, pooleli olev lugu aitab sageli rohkem."
        ),
        (
            "These are the three questions from the introduction to the role: whom it is for, what it "
            "should do, and whether this is the right moment."
        ): (
            "Need on kolm küsimust rolli tutvustavast materjalist: kelle jaoks see on, mida see peaks "
            "saavutama ja kas see on õige hetk."
        ),
        "As a peer support worker you have the same duty of confidentiality as your colleagues.": (
            "Kogemusnõustajana on sul sama konfidentsiaalsuskohustus nagu sinu kolleegidel."
        ),
        (
            "True. What people tell you is covered by the same rules as for everyone else on the staff. "
            "Your own experience does not change that."
        ): (
            "Tõsi. Sellele, mida inimesed sulle räägivad, kehtivad samad reeglid nagu kõigile teistele "
            "töötajatele. Sinu enda kogemus seda ei muuda."
        ),
        "A good peer support worker tells the people they meet their whole story.": (
            "Hea kogemusnõustaja räägib inimestele, keda ta kohtab, kogu oma loo."
        ),
        (
            "False. You choose what to share, when and why. Keeping parts of your story to yourself is a "
            "healthy boundary, not a lack of openness."
        ): (
            "Väär. Sina valid, mida jagada, millal ja miks. Osa oma loo endale jätmine on terve piir, mitte "
            "avatuse puudumine."
        ),
    },
    "lesson-yourself": {
        "Looking after yourself": "Enda eest hoolitsemine",
        "looking-after-yourself": "enda-eest-hoolitsemine",
        "A reflection on what you need on a hard day. You mark it done yourself.": (
            "Mõtisklus selle üle, mida sul raskel päeval vaja on. Märgid õppetunni ise tehtuks."
        ),
        (
            "Working close to other people's crises can stir up your own memories. That does not mean you "
            "are in the wrong job: it is part of the work, and it is easier to handle when you have planned "
            "for it."
        ): (
            "Töö teiste inimeste kriiside lähedal võib äratada sinu enda mälestusi. See ei tähenda, et oled "
            "vales töös: see kuulub töö juurde ja sellega on kergem toime tulla, kui oled selleks ette "
            "valmistunud."
        ),
        (
            "Take a quiet moment with these questions, on your own or with your supervisor. The answers "
            "are for you; you do not need to write them down here."
        ): (
            "Võta nende küsimuste jaoks rahulik hetk, üksi või koos oma supervisoriga. Vastused on sinu "
            "jaoks; sa ei pea neid siia kirja panema."
        ),
        "What are my first signs that a day has been too heavy?": (
            "Millised on mu esimesed märgid, et päev on olnud liiga raske?"
        ),
        "What helps me recover after a hard conversation?": "Mis aitab mul pärast rasket vestlust taastuda?",
        "Whom at work can I talk to, and when do I have supervision?": (
            "Kellega saan tööl rääkida ja millal on mul supervisioon?"
        ),
        "What have I agreed with my manager about a hard day?": (
            "Milles olen oma juhiga raske päeva puhuks kokku leppinud?"
        ),
        "When you have spent some time with the questions, mark the lesson as done.": (
            "Kui oled küsimustega veidi aega mõtisklenud, märgi õppetund tehtuks."
        ),
    },
    "lesson-network": {
        "Finding colleagues in the network": "Kolleegide leidmine võrgustikust",
        "finding-colleagues-in-the-network": "kolleegide-leidmine-vorgustikust",
        "An optional lesson about not being the only one in the role.": (
            "Valikuline õppetund sellest, et sa ei ole oma rollis üksi."
        ),
        (
            "Many peer support workers are the only one with the role in their workplace. Colleagues who do "
            "the same work elsewhere can help you carry that."
        ): (
            "Paljud kogemusnõustajad on oma töökohal selles rollis ainsad. Kolleegid, kes teevad sama tööd "
            "mujal, aitavad seda koormat kanda."
        ),
        "Ask your manager for supervision together with other peer support workers.": (
            "Palu oma juhilt supervisiooni koos teiste kogemusnõustajatega."
        ),
        "Find out whether your region has a network or a regular meeting.": (
            "Uuri, kas sinu piirkonnas on võrgustik või korrapärased kohtumised."
        ),
        "Come to the network's annual gathering, in person or online.": (
            "Tule võrgustiku iga-aastasele kokkutulekule kohapeale või osale veebis."
        ),
    },
}
