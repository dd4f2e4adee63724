"""Glossary concepts about who does the work: the role, experts by experience, lived experience."""

PEER_SUPPORT_WORKER = {
    "en": (
        "peer support worker",
        "peer worker, peer supporter, recovery mentor",
        "Someone employed in mental health or addiction services to use their own experience of illness "
        "and recovery, reflected on and trained, in support of others.",
    ),
    "nb": (
        "erfaringskonsulent",
        "erfaringsmedarbeider, medarbeider med brukererfaring, likeperson",
        "En person som er ansatt i psykisk helse- eller rustjenester for å bruke sin egen, bearbeidede "
        "erfaring med sykdom og bedring til støtte for andre.",
    ),
    "sv": (
        "brukarmedarbetare",
        "peer supporter, peer support-medarbetare, återhämtningsmentor",
        "En person som är anställd inom psykiatri eller beroendevård för att använda sin egen, bearbetade "
        "erfarenhet av ohälsa och återhämtning till stöd för andra.",
    ),
    "da": (
        "peermedarbejder",
        "peer-medarbejder, recoverymentor, medarbejder med brugererfaring",
        "En person, der er ansat i psykiatrien eller misbrugsbehandlingen for at bruge sin egen bearbejdede "
        "erfaring med sygdom og recovery til at støtte andre.",
    ),
    "fi": (
        "vertaistyöntekijä",
        "vertaistukityöntekijä, vertaisohjaaja, kokemusohjaaja",
        "Mielenterveys- tai päihdepalveluihin palkattu henkilö, joka käyttää omaa, käsiteltyä kokemustaan "
        "sairastumisesta ja toipumisesta toisten tukena.",
    ),
    "is": (
        "jafningjaráðgjafi",
        "jafningjastarfsmaður, starfsmaður með notendareynslu",
        "Einstaklingur sem starfar í geðheilbrigðis- eða fíknimeðferðarþjónustu og nýtir eigin, ígrundaða "
        "reynslu af veikindum og bata til að styðja aðra.",
    ),
    "et": (
        "kogemusnõustaja",
        "kogemustöötaja, omakogemusega tugiisik",
        "Vaimse tervise või sõltuvusteenustes töötav inimene, kes kasutab teiste toetamiseks oma "
        "läbitöötatud kogemust haigusest ja taastumisest.",
    ),
    "lv": (
        "līdzgaitnieku atbalsta speciālists",
        "līdzgaitnieks, pieredzes konsultants",
        "Cilvēks, kas strādā garīgās veselības vai atkarību pakalpojumos un izmanto savu pārdomāto pieredzi "
        "ar slimību un atveseļošanos, lai atbalstītu citus.",
    ),
    "lt": (
        "savitarpio pagalbos darbuotojas",
        "lygiųjų konsultantas, patirties konsultantas",
        "Psichikos sveikatos ar priklausomybių paslaugose dirbantis žmogus, kuris, padėdamas kitiems, "
        "remiasi savo apmąstyta ligos ir sveikimo patirtimi.",
    ),
}

EXPERT_BY_EXPERIENCE = {
    "en": (
        "expert by experience",
        "experience expert, lived experience expert",
        "A person whose knowledge comes from their own experience of illness, services or recovery, and who "
        "contributes it to teaching, research, planning or the development of services.",
    ),
    "nb": (
        "erfaringsekspert",
        "erfaringsformidler, erfaringsperson",
        "En person som bidrar med kunnskap fra egen erfaring med sykdom, tjenester eller bedring, for "
        "eksempel i undervisning, forskning, planlegging eller tjenesteutvikling.",
    ),
    "sv": (
        "erfarenhetsexpert",
        "brukarexpert, erfarenhetsföreläsare",
        "En person som bidrar med kunskap från egen erfarenhet av ohälsa, vård eller återhämtning, till "
        "exempel i utbildning, forskning, planering eller verksamhetsutveckling.",
    ),
    "da": (
        "erfaringsekspert",
        "brugerekspert, erfaringsformidler",
        "En person, der bidrager med viden fra egen erfaring med sygdom, behandling eller recovery, for "
        "eksempel i undervisning, forskning, planlægning eller udvikling af tilbud.",
    ),
    "fi": (
        "kokemusasiantuntija",
        "kokemuskouluttaja, kokemustoimija",
        "Henkilö, joka tuo omaan sairastumis-, palvelu- tai toipumiskokemukseensa perustuvaa tietoa "
        "esimerkiksi opetukseen, tutkimukseen, suunnitteluun tai palvelujen kehittämiseen.",
    ),
    "is": (
        "reynslusérfræðingur",
        "notendasérfræðingur, reynsluberi",
        "Einstaklingur sem leggur til þekkingu sem byggir á eigin reynslu af veikindum, þjónustu eða bata, "
        "til dæmis í kennslu, rannsóknum, skipulagningu eða þróun þjónustu.",
    ),
    "et": (
        "kogemusekspert",
        "kogemuskoolitaja, kogemusteadmise kandja",
        "Inimene, kes panustab oma haiguse-, teenuse- või taastumiskogemusest tulenevate teadmistega näiteks "
        "õpetamisse, teadustöösse, planeerimisse või teenuste arendamisse.",
    ),
    "lv": (
        "pieredzes eksperts",
        "pieredzes lektors, pakalpojumu lietotāju eksperts",
        "Cilvēks, kas dalās ar zināšanām no savas pieredzes ar slimību, pakalpojumiem vai atveseļošanos, "
        "piemēram, mācībās, pētniecībā, plānošanā vai pakalpojumu attīstībā.",
    ),
    "lt": (
        "patirties ekspertas",
        "patirties lektorius, paslaugų gavėjų ekspertas",
        "Žmogus, kuris savo ligos, paslaugų ar sveikimo patirties žiniomis prisideda prie mokymo, tyrimų, "
        "planavimo ar paslaugų tobulinimo.",
    ),
}

LIVED_EXPERIENCE = {
    "en": (
        "lived experience",
        "own experience, first-hand experience",
        "Knowledge a person has gained by going through something themselves, such as mental illness, "
        "addiction or using services, as opposed to knowledge from study.",
    ),
    "nb": (
        "egenerfaring",
        "levd erfaring, brukererfaring, erfaringskompetanse",
        "Kunnskap en person har fått ved selv å ha gått gjennom noe, for eksempel psykiske "
        "helseutfordringer, rusavhengighet eller møter med tjenestene, til forskjell fra kunnskap "
        "fra studier.",
    ),
    "sv": (
        "egen erfarenhet",
        "levd erfarenhet, brukarerfarenhet, erfarenhetskunskap",
        "Kunskap som en person har fått genom att själv ha gått igenom något, till exempel psykisk ohälsa, "
        "beroende eller kontakter med vården, till skillnad från kunskap från studier.",
    ),
    "da": (
        "levet erfaring",
        "egen erfaring, brugererfaring, erfaringsviden",
        "Viden, som en person har fået ved selv at have gennemlevet noget, for eksempel psykisk sygdom, "
        "afhængighed eller mødet med behandlingssystemet, til forskel fra viden fra studier.",
    ),
    "fi": (
        "omakohtainen kokemus",
        "kokemustieto, eletty kokemus",
        "Tieto, jonka ihminen on saanut kokemalla jotakin itse, esimerkiksi mielenterveyden häiriön, "
        "riippuvuuden tai palvelujen käytön, erotuksena opiskelemalla hankitusta tiedosta.",
    ),
    "is": (
        "eigin reynsla",
        "lífsreynsla, notendareynsla, reynsluþekking",
        "Þekking sem manneskja hefur öðlast með því að ganga sjálf í gegnum eitthvað, til dæmis geðrænan "
        "vanda, fíkn eða samskipti við þjónustu, ólíkt þekkingu úr námi.",
    ),
    "et": (
        "omakogemus",
        "elatud kogemus, isiklik kogemus, kogemusteadmine",
        "Teadmine, mille inimene on saanud ise midagi läbi elades, näiteks vaimse tervise häire, sõltuvuse "
        "või teenuste kasutamise kaudu, erinevalt õppimisest saadud teadmisest.",
    ),
    "lv": (
        "personīgā pieredze",
        "dzīves pieredze, izdzīvota pieredze",
        "Zināšanas, ko cilvēks ieguvis, pats kaut ko piedzīvojot, piemēram, garīgās veselības traucējumus, "
        "atkarību vai saskari ar pakalpojumiem, atšķirībā no mācībās iegūtām zināšanām.",
    ),
    "lt": (
        "asmeninė patirtis",
        "išgyventa patirtis, patirtinės žinios",
        "Žinios, kurias žmogus įgijo pats ką nors išgyvendamas, pavyzdžiui, psichikos sveikatos sutrikimą, "
        "priklausomybę ar paslaugų gavimą, skirtingai nei žinios iš studijų.",
    ),
}

ROLES = [PEER_SUPPORT_WORKER, EXPERT_BY_EXPERIENCE, LIVED_EXPERIENCE]
