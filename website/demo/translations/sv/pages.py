"""Swedish translations of the home page, the sections, the material, the event and the partners."""

PAGES = {
    "home": {
        "Nordpeer": "Nordpeer",
        "home-en": "home-sv",
        (
            "Learning material, videos and publications about peer support work, shared by schools and "
            "organisations in the Nordic and Baltic countries and translated into each partner's language."
        ): (
            "Läromaterial, filmer och publikationer om arbetet som brukarmedarbetare, delade av skolor och "
            "organisationer i Norden och Baltikum och översatta till varje partners språk."
        ),
        "Experience that becomes a profession": "Erfarenhet som blir ett yrke",
        (
            "A peer support worker is employed in mental health and addiction services because of what "
            "they have lived through. They have been where the people they meet are now, and they know "
            "from the inside that things can change. Nordpeer gathers what the network's schools have "
            "learned about training people for this work, so that nobody has to start from a blank page."
        ): (
            "En brukarmedarbetare är anställd inom psykiatri och beroendevård på grund av det hen själv har "
            "gått igenom. Hen har varit där de människor hen möter befinner sig nu och vet inifrån att "
            "saker kan förändras. Nordpeer samlar det som nätverkets skolor har lärt sig om att utbilda "
            "människor för det här arbetet, så att ingen behöver börja från noll."
        ),
        "Here you will find:": "Här hittar du:",
        "an introduction to the role for students and new colleagues": (
            "en introduktion till rollen för studerande och nya kolleger"
        ),
        "a handbook for employers and a brochure for the people who use the services": (
            "en handbok för arbetsgivare och en broschyr för dem som tar del av verksamheterna"
        ),
        "short videos with captions in several languages": "korta filmer med undertexter på flera språk",
        "the network's annual gathering": "nätverkets årliga träff",
        "Written together, read in your own language": "Skrivet tillsammans, läst på ditt eget språk",
        (
            "Every text starts in English, the network's shared working language. Editors in each country "
            "translate it and adapt it where their services work differently."
        ): (
            "Alla texter skrivs först på engelska, nätverkets gemensamma arbetsspråk. Redaktörer i varje "
            "land översätter dem och anpassar dem där verksamheterna fungerar annorlunda."
        ),
    },
    "learning": {
        "Learning material": "Läromaterial",
        "learning-material": "laromaterial",
        (
            "Texts for students, new peer support workers and the colleagues they will work beside: what "
            "the role is, how it is learned and what helps it work."
        ): (
            "Texter för studerande, nya brukarmedarbetare och de kolleger de ska arbeta tillsammans med: vad "
            "rollen är, hur man lär sig den och vad som får den att fungera."
        ),
    },
    "library": {
        "Resource library": "Resursbibliotek",
        "resource-library": "resursbibliotek",
        "Handbooks and brochures to download, each in the languages it has been translated into.": (
            "Handböcker och broschyrer att ladda ner, var och en på de språk den har översatts till."
        ),
    },
    "videos": {
        "Videos": "Filmer",
        "videos": "filmer",
        "Short films about peer support work, with captions in several languages and a written transcript.": (
            "Korta filmer om arbetet som brukarmedarbetare, med undertexter på flera språk och en skriven "
            "transkription."
        ),
    },
    "events": {
        "Events": "Evenemang",
        "events": "evenemang",
        (
            "Gatherings where peer support workers, students, teachers and employers from the network "
            "meet, in person and online."
        ): (
            "Träffar där brukarmedarbetare, studerande, lärare och arbetsgivare från nätverket möts, på "
            "plats och online."
        ),
    },
    "material": {
        "The peer support worker role: an introduction": "Rollen som brukarmedarbetare: en introduktion",
        "peer-support-worker-role": "rollen-som-peer-supporter",
        (
            "What peer support workers do, where they work, what they bring that other professions cannot, "
            "and what they need from their workplace to do it well."
        ): (
            "Vad brukarmedarbetare gör, var de arbetar, vad de bidrar med som andra yrken inte kan, och vad "
            "de behöver från sin arbetsplats för att göra det bra."
        ),
        "A role built on lived experience": "En roll som bygger på egen erfarenhet",
        (
            "Peer support workers are employed in mental health and addiction services <b>because of</b> "
            "their own experience of illness, crisis or substance use, and of finding a way forward. In "
            "Norway the role is called <i>erfaringskonsulent</i>; elsewhere people speak of peer "
            "supporters, experts by experience or recovery mentors. The titles differ, but the core is the "
            "same: experience that has been reflected on and can be used for the good of others."
        ): (
            "Brukarmedarbetare anställs inom psykiatri och beroendevård <b>på grund av</b> sin egen "
            "erfarenhet av sjukdom, kris eller missbruk, och av att hitta en väg framåt. I Norge kallas "
            "rollen <i>erfaringskonsulent</i>; på andra håll talar man om brukarmedarbetare, "
            "erfarenhetsexperter eller återhämtningsmentorer. Titlarna skiljer sig åt, men kärnan är "
            "densamma: erfarenhet som har bearbetats och kan användas till nytta för andra."
        ),
        (
            "The profession is young. Many peer support workers are the first in their workplace to hold "
            "the role, and some have had to write their own job description. That is one reason the "
            "network's schools share their material: a common understanding of the role makes it easier "
            "for services to hire peer support workers, and for peer support workers to stay."
        ): (
            "Yrket är ungt. Många brukarmedarbetare är de första med rollen på sin arbetsplats, och en del "
            "har fått skriva sin egen arbetsbeskrivning. Det är ett skäl till att nätverkets skolor delar "
            "sitt material: en gemensam förståelse av rollen gör det lättare för verksamheter att anställa "
            "brukarmedarbetare, och för brukarmedarbetare att stanna kvar."
        ),
        "What the work looks like": "Hur arbetet ser ut",
        (
            "The tasks vary with the workplace, but most peer support workers spend their days on a mix of "
            "these:"
        ): (
            "Uppgifterna varierar med arbetsplatsen, men de flesta brukarmedarbetare ägnar dagarna åt en "
            "blandning av detta:"
        ),
        (
            "walking alongside people who use the services: conversations, everyday errands, meetings with "
            "the welfare office"
        ): (
            "att gå bredvid dem som tar del av verksamheten: samtal, vardagsärenden, möten med socialtjänsten"
        ),
        "bringing the service user's perspective into team meetings and treatment planning": (
            "att föra in brukarens perspektiv i teammöten och vårdplanering"
        ),
        "running groups and courses, often together with a colleague from another profession": (
            "att leda grupper och kurser, ofta tillsammans med en kollega från en annan yrkesgrupp"
        ),
        "taking part in developing and evaluating services": (
            "att delta i att utveckla och utvärdera verksamheten"
        ),
        (
            "I don't tell people what worked for me. I tell them that something worked, and that we can "
            "look together for what might work for them."
        ): (
            "Jag berättar inte för folk vad som fungerade för mig. Jag berättar att något fungerade, och "
            "att vi tillsammans kan leta efter det som kan fungera för dem."
        ),
        "A peer support worker in a community mental health team": (
            "En brukarmedarbetare i ett psykiatriskt öppenvårdsteam"
        ),
        "Sharing your story with purpose": "Att dela sin berättelse med ett syfte",
        (
            "A peer support worker does not tell their whole story, and never for their own sake. The "
            "skill lies in choosing what to share, when and why: a short piece of experience that opens a "
            "conversation or gives hope, and then the attention goes back to the other person."
        ): (
            "En brukarmedarbetare berättar inte hela sin historia, och aldrig för sin egen skull. Konsten "
            "ligger i att välja vad man delar, när och varför: en kort bit erfarenhet som öppnar ett "
            "samtal eller ger hopp, och sedan går uppmärksamheten tillbaka till den andra."
        ),
        "Three questions before you share": "Tre frågor innan du delar",
        "Whom is this for?": "Vem är det här till för?",
        "What do I want it to do?": "Vad vill jag att det ska göra?",
        "Is this the right moment?": "Är det här rätt tillfälle?",
        "What makes the role work": "Det som får rollen att fungera",
        (
            "The experience of the network's members points the same way. Peer support workers do best "
            "where the whole team knows why the role exists, where the job description is clear, and where "
            "there is regular supervision together with other peer support workers. Being the only one in "
            "a workplace with this role can be lonely; colleagues in a network elsewhere help."
        ): (
            "Erfarenheterna från nätverkets medlemmar pekar åt samma håll. Brukarmedarbetare lyckas bäst där "
            "hela teamet vet varför rollen finns, där arbetsbeskrivningen är tydlig och där det finns "
            "regelbunden handledning tillsammans med andra brukarmedarbetare. Att vara den enda med den här "
            "rollen på en arbetsplats kan kännas ensamt; kolleger i ett nätverk på andra håll är till "
            "hjälp."
        ),
        "Your own health comes first": "Din egen hälsa går först",
        (
            "Working close to other people's crises can stir up your own memories. Agree with your manager "
            "in advance what you will do on a hard day, and bring it to supervision. Looking after "
            "yourself is part of the job, not a break from it."
        ): (
            "Att arbeta nära andras kriser kan väcka dina egna minnen. Kom överens med din chef i förväg "
            "om vad du gör en tung dag, och ta upp det i handledningen. Att ta hand om dig själv är en del "
            "av jobbet, inte en paus från det."
        ),
        "For employers": "För arbetsgivare",
        (
            "The network's handbook for employers goes through what to prepare before hiring, how to write "
            "the job description and how to follow up during the first year."
        ): (
            "Nätverkets handbok för arbetsgivare går igenom vad som behöver förberedas före anställningen, "
            "hur arbetsbeskrivningen skrivs och hur man följer upp under det första året."
        ),
        "Download the handbook for employers (PDF)": "Ladda ner handboken för arbetsgivare (PDF)",
    },
    "event": {
        "Nordpeer Gathering 2027": "Nordpeer-träffen 2027",
        "nordpeer-gathering-2027": "nordpeer-traffen-2027",
        (
            "Two days in Tallinn for everyone who trains, works as or works with peer support workers in "
            "the Nordic and Baltic countries: talks, workshops and plenty of time to meet colleagues from "
            "other countries."
        ): (
            "Två dagar i Tallinn för alla som utbildar, arbetar som eller arbetar tillsammans med peer "
            "supporters i Norden och Baltikum: föredrag, workshoppar och gott om tid att träffa kolleger "
            "från andra länder."
        ),
        "Tallinn, Estonia: a conference centre in the city centre, named with the programme": (
            "Tallinn, Estland: ett konferenscenter i centrum, som presenteras tillsammans med programmet"
        ),
        "Peer support workers, students and teachers; employers welcome": (
            "Brukarmedarbetare, studerande och lärare; arbetsgivare är välkomna"
        ),
        "Programme": "Program",
        "<b>Thursday:</b> welcome, how the role is developing in each country, dinner together": (
            "<b>Torsdag:</b> välkomnande, hur rollen utvecklas i varje land, gemensam middag"
        ),
        "<b>Friday:</b> workshops on supervision, training and working conditions, closing plenary": (
            "<b>Fredag:</b> workshoppar om handledning, utbildning och arbetsvillkor, avslutande plenum"
        ),
        "The plenary sessions are streamed and interpreted into English. The workshops are in person only.": (
            "Plenumpassen strömmas och tolkas till engelska. Workshopparna hålls bara på plats."
        ),
        "Travelling on a small budget?": "Reser du med liten budget?",
        (
            "Partner schools can apply for travel support for their students. Ask your school's contact "
            "person before 1 June 2027."
        ): (
            "Partnerskolorna kan söka resebidrag för sina studerande. Fråga kontaktpersonen på din skola "
            "före den 1 juni 2027."
        ),
    },
}

PARTNERS = {
    (
        "A vocational college in western Norway with a two-year part-time programme for peer support "
        "workers in mental health and addiction services, combining classroom teaching with two placement "
        "periods."
    ): (
        "En yrkeshögskola på Norges västkust med en tvåårig deltidsutbildning för brukarmedarbetare inom "
        "psykiatri och beroendevård, där undervisning i klassrum varvas med två praktikperioder."
    ),
    (
        "A folk high school that runs a one-year course for people who want to use their experience of "
        "mental illness in paid work, and short courses for the employers who hire them."
    ): (
        "En folkhögskola med en ettårig kurs för den som vill använda sin erfarenhet av psykisk ohälsa i "
        "ett avlönat arbete, och korta kurser för arbetsgivarna som anställer dem."
    ),
    (
        "A user-run recovery centre in Jutland that trains peer workers and offers placements where "
        "students work alongside experienced colleagues."
    ): (
        "Ett brukarstyrt återhämtningscenter på Jylland som utbildar peer-medarbetare och erbjuder "
        "praktikplatser där studerande arbetar sida vid sida med erfarna kolleger."
    ),
    (
        "An association of people with lived experience in Reykjavík that runs peer support groups and "
        "organised the first Icelandic course for peer workers."
    ): (
        "En förening för människor med egen erfarenhet i Reykjavík som driver stödgrupper och anordnade "
        "den första isländska kursen för peer-medarbetare."
    ),
    (
        "A training centre in Tartu that prepares experience counsellors for work in psychiatric clinics "
        "and municipalities, and supports them afterwards with group supervision."
    ): (
        "Ett utbildningscenter i Tartu som förbereder erfarenhetsrådgivare för arbete på psykiatriska "
        "kliniker och i kommuner, och sedan stöttar dem med grupphandledning."
    ),
    (
        "An association in Riga that brings people with lived experience into hospitals and social "
        "services and is developing a national course for peer workers."
    ): (
        "En förening i Riga som för in människor med egen erfarenhet på sjukhus och i socialtjänsten och "
        "som tar fram en nationell kurs för peer-medarbetare."
    ),
    (
        "A non-governmental organisation in Vilnius that trains peer consultants and works with employers "
        "to create the first paid peer positions in the country's mental health centres."
    ): (
        "En ideell organisation i Vilnius som utbildar peer-konsulenter och samarbetar med arbetsgivare "
        "för att skapa de första avlönade peer-tjänsterna på landets psykiatriska mottagningar."
    ),
}
