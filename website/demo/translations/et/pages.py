"""Estonian translations of the home page, the sections, the material, the event and the partners."""

PAGES = {
    "home": {
        "Nordpeer": "Nordpeer",
        "home-en": "home-et",
        (
            "Learning material, videos and publications about peer support work, shared by schools and "
            "organisations in the Nordic and Baltic countries and translated into each partner's language."
        ): (
            "Õppematerjalid, videod ja väljaanded kogemusnõustaja tööst, mida jagavad Põhjamaade ja Balti "
            "riikide koolid ja organisatsioonid ning mis on tõlgitud iga partneri keelde."
        ),
        "Experience that becomes a profession": "Kogemus, millest saab elukutse",
        (
            "A peer support worker is employed in mental health and addiction services because of what "
            "they have lived through. They have been where the people they meet are now, and they know "
            "from the inside that things can change. Nordpeer gathers what the network's schools have "
            "learned about training people for this work, so that nobody has to start from a blank page."
        ): (
            "Kogemusnõustaja töötab vaimse tervise ja sõltuvusteenustes just selle tõttu, mida ta on ise "
            "läbi elanud. Ta on olnud seal, kus on praegu inimesed, keda ta kohtab, ja teab omast käest, "
            "et asjad võivad muutuda. Nordpeer koondab seda, mida võrgustiku koolid on õppinud inimeste "
            "ettevalmistamisest selleks tööks, et kellelgi ei tuleks alustada tühjalt lehelt."
        ),
        "Here you will find:": "Siit leiad:",
        "an introduction to the role for students and new colleagues": (
            "sissejuhatuse rolli õppijatele ja uutele kolleegidele"
        ),
        "a handbook for employers and a brochure for the people who use the services": (
            "käsiraamatu tööandjatele ja voldiku teenuste kasutajatele"
        ),
        "short videos with captions in several languages": "lühikesed videod subtiitritega mitmes keeles",
        "the network's annual gathering": "võrgustiku iga-aastase kokkutuleku",
        "Written together, read in your own language": "Kirjutatud koos, loetud omas keeles",
        (
            "Every text starts in English, the network's shared working language. Editors in each country "
            "translate it and adapt it where their services work differently."
        ): (
            "Iga tekst kirjutatakse esmalt inglise keeles, mis on võrgustiku ühine töökeel. Iga riigi "
            "toimetajad tõlgivad selle ja kohandavad seda seal, kus nende teenused toimivad teisiti."
        ),
    },
    "learning": {
        "Learning material": "Õppematerjalid",
        "learning-material": "oppematerjalid",
        (
            "Texts for students, new peer support workers and the colleagues they will work beside: what "
            "the role is, how it is learned and what helps it work."
        ): (
            "Tekstid õppijatele, uutele kogemusnõustajatele ja kolleegidele, kellega nad koos töötavad: "
            "mis see roll on, kuidas seda õpitakse ja mis aitab sellel toimida."
        ),
    },
    "library": {
        "Resource library": "Materjalikogu",
        "resource-library": "materjalikogu",
        "Handbooks and brochures to download, each in the languages it has been translated into.": (
            "Käsiraamatud ja voldikud allalaadimiseks, igaüks nendes keeltes, millesse see on tõlgitud."
        ),
    },
    "videos": {
        "Videos": "Videod",
        "videos": "videod",
        "Short films about peer support work, with captions in several languages and a written transcript.": (
            "Lühifilmid kogemusnõustaja tööst, subtiitritega mitmes keeles ja kirjaliku tekstiversiooniga."
        ),
    },
    "events": {
        "Events": "Sündmused",
        "events": "sundmused",
        (
            "Gatherings where peer support workers, students, teachers and employers from the network "
            "meet, in person and online."
        ): (
            "Kokkutulekud, kus võrgustiku kogemusnõustajad, õppijad, õpetajad ja tööandjad kohtuvad nii "
            "kohapeal kui ka veebis."
        ),
    },
    "material": {
        "The peer support worker role: an introduction": "Kogemusnõustaja roll: sissejuhatus",
        "peer-support-worker-role": "kogemusnoustaja-roll",
        (
            "What peer support workers do, where they work, what they bring that other professions cannot, "
            "and what they need from their workplace to do it well."
        ): (
            "Mida kogemusnõustajad teevad, kus nad töötavad, mida nad annavad sellist, mida teised "
            "elukutsed anda ei saa, ja mida nad töökohalt vajavad, et oma tööd hästi teha."
        ),
        "A role built on lived experience": "Omakogemusele rajatud roll",
        (
            "Peer support workers are employed in mental health and addiction services <b>because of</b> "
            "their own experience of illness, crisis or substance use, and of finding a way forward. In "
            "Norway the role is called <i>erfaringskonsulent</i>; elsewhere people speak of peer "
            "supporters, experts by experience or recovery mentors. The titles differ, but the core is the "
            "same: experience that has been reflected on and can be used for the good of others."
        ): (
            "Kogemusnõustajad võetakse vaimse tervise ja sõltuvusteenustesse tööle <b>just tänu</b> oma "
            "kogemusele haiguse, kriisi või ainete tarvitamisega ning edasise tee leidmisega. Norras "
            "nimetatakse seda rolli <i>erfaringskonsulent</i>; mujal räägitakse eakaaslaste toetajatest, "
            "kogemusekspertidest või taastumismentoritest. Nimetused erinevad, kuid tuum on sama: "
            "läbimõeldud kogemus, mida saab kasutada teiste heaks."
        ),
        (
            "The profession is young. Many peer support workers are the first in their workplace to hold "
            "the role, and some have had to write their own job description. That is one reason the "
            "network's schools share their material: a common understanding of the role makes it easier "
            "for services to hire peer support workers, and for peer support workers to stay."
        ): (
            "Elukutse on noor. Paljud kogemusnõustajad on oma töökohal esimesed selles rollis ja mõned on "
            "pidanud ise oma ametijuhendi kirjutama. See on üks põhjus, miks võrgustiku koolid oma "
            "materjale jagavad: ühine arusaam rollist teeb teenustel kogemusnõustajate tööle võtmise "
            "lihtsamaks ja aitab kogemusnõustajatel tööle jääda."
        ),
        "What the work looks like": "Milline töö välja näeb",
        (
            "The tasks vary with the workplace, but most peer support workers spend their days on a mix of "
            "these:"
        ): (
            "Ülesanded sõltuvad töökohast, kuid enamik kogemusnõustajaid tegeleb päevast päeva nende "
            "asjade seguga:"
        ),
        (
            "walking alongside people who use the services: conversations, everyday errands, meetings with "
            "the welfare office"
        ): (
            "teenuste kasutajatega kõrvuti käimine: vestlused, igapäevased asjaajamised, kohtumised "
            "sotsiaaltöötajaga"
        ),
        "bringing the service user's perspective into team meetings and treatment planning": (
            "teenusekasutaja vaatenurga toomine meeskonna koosolekutele ja raviplaneerimisse"
        ),
        "running groups and courses, often together with a colleague from another profession": (
            "gruppide ja kursuste juhtimine, sageli koos mõne teise eriala kolleegiga"
        ),
        "taking part in developing and evaluating services": "osalemine teenuste arendamises ja hindamises",
        (
            "I don't tell people what worked for me. I tell them that something worked, and that we can "
            "look together for what might work for them."
        ): (
            "Ma ei ütle inimestele, mis minul aitas. Ma ütlen neile, et midagi aitas ja et me saame koos "
            "otsida, mis võiks aidata neid."
        ),
        "A peer support worker in a community mental health team": (
            "Kogemusnõustaja kogukonna vaimse tervise meeskonnast"
        ),
        "Sharing your story with purpose": "Oma loo jagamine eesmärgiga",
        (
            "A peer support worker does not tell their whole story, and never for their own sake. The "
            "skill lies in choosing what to share, when and why: a short piece of experience that opens a "
            "conversation or gives hope, and then the attention goes back to the other person."
        ): (
            "Kogemusnõustaja ei räägi kogu oma lugu ega tee seda kunagi iseenda pärast. Oskus seisneb "
            "selles, et valida, mida jagada, millal ja miks: lühike killuke kogemust, mis avab vestluse "
            "või annab lootust, ja siis pöördub tähelepanu tagasi teisele inimesele."
        ),
        "Three questions before you share": "Kolm küsimust enne jagamist",
        "Whom is this for?": "Kelle jaoks see on?",
        "What do I want it to do?": "Mida ma tahan sellega saavutada?",
        "Is this the right moment?": "Kas see on õige hetk?",
        "What makes the role work": "Mis aitab rollil toimida",
        (
            "The experience of the network's members points the same way. Peer support workers do best "
            "where the whole team knows why the role exists, where the job description is clear, and where "
            "there is regular supervision together with other peer support workers. Being the only one in "
            "a workplace with this role can be lonely; colleagues in a network elsewhere help."
        ): (
            "Võrgustiku liikmete kogemus osutab samas suunas. Kogemusnõustajatel läheb kõige paremini "
            "seal, kus kogu meeskond teab, miks see roll olemas on, kus ametijuhend on selge ja kus toimub "
            "regulaarne supervisioon koos teiste kogemusnõustajatega. Olla töökohal ainus selles rollis "
            "võib olla üksildane; abiks on kolleegid võrgustikus mujal."
        ),
        "Your own health comes first": "Sinu enda tervis on esikohal",
        (
            "Working close to other people's crises can stir up your own memories. Agree with your manager "
            "in advance what you will do on a hard day, and bring it to supervision. Looking after "
            "yourself is part of the job, not a break from it."
        ): (
            "Töö teiste inimeste kriiside lähedal võib äratada sinu enda mälestusi. Lepi juhiga eelnevalt "
            "kokku, mida sa raskel päeval teed, ja arutage seda supervisioonis. Enda eest hoolitsemine on "
            "osa tööst, mitte paus sellest."
        ),
        "For employers": "Tööandjatele",
        (
            "The network's handbook for employers goes through what to prepare before hiring, how to write "
            "the job description and how to follow up during the first year."
        ): (
            "Võrgustiku käsiraamat tööandjatele käsitleb seda, mida enne töölevõtmist ette valmistada, "
            "kuidas ametijuhendit kirjutada ja kuidas esimese aasta jooksul toeks olla."
        ),
        "Download the handbook for employers (PDF)": "Laadi alla käsiraamat tööandjatele (PDF)",
    },
    "event": {
        "Nordpeer Gathering 2027": "Nordpeeri kokkutulek 2027",
        "nordpeer-gathering-2027": "nordpeeri-kokkutulek-2027",
        (
            "Two days in Tallinn for everyone who trains, works as or works with peer support workers in "
            "the Nordic and Baltic countries: talks, workshops and plenty of time to meet colleagues from "
            "other countries."
        ): (
            "Kaks päeva Tallinnas kõigile, kes Põhjamaades ja Balti riikides kogemusnõustajaid koolitavad, "
            "ise kogemusnõustajana töötavad või nendega koos töötavad: ettekanded, töötoad ja rohkelt aega "
            "kohtuda kolleegidega teistest riikidest."
        ),
        "Tallinn, Estonia: a conference centre in the city centre, named with the programme": (
            "Tallinn, Eesti: konverentsikeskus kesklinnas, täpne koht avaldatakse koos programmiga"
        ),
        "Peer support workers, students and teachers; employers welcome": (
            "Kogemusnõustajad, õppijad ja õpetajad; oodatud on ka tööandjad"
        ),
        "Programme": "Programm",
        "<b>Thursday:</b> welcome, how the role is developing in each country, dinner together": (
            "<b>Neljapäev:</b> tervitus, kuidas roll eri riikides areneb, ühine õhtusöök"
        ),
        "<b>Friday:</b> workshops on supervision, training and working conditions, closing plenary": (
            "<b>Reede:</b> töötoad supervisioonist, koolitusest ja töötingimustest, lõpetav ühisistung"
        ),
        "The plenary sessions are streamed and interpreted into English. The workshops are in person only.": (
            "Ühisistungeid kantakse üle veebis ja tõlgitakse inglise keelde. Töötoad toimuvad ainult "
            "kohapeal."
        ),
        "Travelling on a small budget?": "Reisid väikese eelarvega?",
        (
            "Partner schools can apply for travel support for their students. Ask your school's contact "
            "person before 1 June 2027."
        ): (
            "Partnerkoolid saavad taotleda oma õppijatele sõidutoetust. Küsi oma kooli kontaktisikult enne "
            "1. juunit 2027."
        ),
    },
}

PARTNERS = {
    (
        "A vocational college in western Norway with a two-year part-time programme for peer support "
        "workers in mental health and addiction services, combining classroom teaching with two placement "
        "periods."
    ): (
        "Kutsekõrgkool Lääne-Norras, kus on kaheaastane osakoormusega õppekava vaimse tervise ja "
        "sõltuvusteenuste kogemusnõustajatele ning auditoorne õpe on ühendatud kahe praktikaperioodiga."
    ),
    (
        "A folk high school that runs a one-year course for people who want to use their experience of "
        "mental illness in paid work, and short courses for the employers who hire them."
    ): (
        "Rahvaülikool, mis pakub üheaastast kursust neile, kes soovivad kasutada oma vaimse tervise "
        "kogemust palgatöös, ning lühikursusi tööandjatele, kes neid tööle võtavad."
    ),
    (
        "A user-run recovery centre in Jutland that trains peer workers and offers placements where "
        "students work alongside experienced colleagues."
    ): (
        "Kasutajate juhitud taastumiskeskus Jüütimaal, mis koolitab kogemustöötajaid ja pakub "
        "praktikakohti, kus õppijad töötavad kõrvuti kogenud kolleegidega."
    ),
    (
        "An association of people with lived experience in Reykjavík that runs peer support groups and "
        "organised the first Icelandic course for peer workers."
    ): (
        "Omakogemusega inimeste ühing Reykjavíkis, mis korraldab tugigruppe ja viis läbi Islandi esimese "
        "kursuse kogemustöötajatele."
    ),
    (
        "A training centre in Tartu that prepares experience counsellors for work in psychiatric clinics "
        "and municipalities, and supports them afterwards with group supervision."
    ): (
        "Koolituskeskus Tartus, mis valmistab kogemusnõustajaid ette tööks psühhiaatriakliinikutes ja "
        "omavalitsustes ning toetab neid hiljem grupisupervisiooniga."
    ),
    (
        "An association in Riga that brings people with lived experience into hospitals and social "
        "services and is developing a national course for peer workers."
    ): (
        "Riias tegutsev ühing, mis toob omakogemusega inimesi haiglatesse ja sotsiaalteenustesse ning "
        "töötab välja riiklikku kursust kogemustöötajatele."
    ),
    (
        "A non-governmental organisation in Vilnius that trains peer consultants and works with employers "
        "to create the first paid peer positions in the country's mental health centres."
    ): (
        "Vilniuse vabaühendus, mis koolitab kogemusnõustajaid ja teeb tööandjatega koostööd, et luua riigi "
        "vaimse tervise keskustesse esimesed tasustatud kogemusnõustaja ametikohad."
    ),
}
