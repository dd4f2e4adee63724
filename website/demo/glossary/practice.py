"""Glossary concepts about how the work is done: recovery, user involvement, supervision, empowerment."""

RECOVERY = {
    "en": (
        "recovery",
        "personal recovery, recovery-oriented practice",
        "A personal process of building a meaningful life, with or without symptoms, carried by hope, a "
        "sense of control and connection with others; not the same as being cured.",
    ),
    "nb": (
        "recovery",
        "bedring, personlig bedring, recoveryorientert praksis",
        "En personlig prosess mot et meningsfullt liv, med eller uten symptomer, båret av håp, kontroll over "
        "eget liv og tilhørighet til andre; ikke det samme som å bli frisk.",
    ),
    "sv": (
        "återhämtning",
        "recovery, personlig återhämtning",
        "En personlig process mot ett meningsfullt liv, med eller utan symtom, som bärs av hopp, kontroll "
        "över det egna livet och gemenskap med andra; inte detsamma som att bli botad.",
    ),
    "da": (
        "recovery",
        "personlig recovery, at komme sig, bedring",
        "En personlig proces hen imod et meningsfuldt liv, med eller uden symptomer, båret af håb, kontrol "
        "over eget liv og fællesskab med andre; ikke det samme som at blive rask.",
    ),
    "fi": (
        "toipuminen",
        "recovery, henkilökohtainen toipuminen",
        "Henkilökohtainen prosessi kohti merkityksellistä elämää oireiden kanssa tai ilman, jota kantavat "
        "toivo, oman elämän hallinta ja yhteys muihin; ei sama asia kuin parantuminen.",
    ),
    "is": (
        "bati",
        "bataferli, persónulegur bati, recovery",
        "Persónulegt ferli í átt að innihaldsríku lífi, með eða án einkenna, sem byggir á von, stjórn á "
        "eigin lífi og tengslum við aðra; ekki það sama og að læknast.",
    ),
    "et": (
        "taastumine",
        "recovery, isiklik taastumine",
        "Isiklik protsess tähendusrikka elu suunas, sümptomitega või ilma, mida kannavad lootus, kontroll "
        "oma elu üle ja side teistega; see ei ole sama mis terveks saamine.",
    ),
    "lv": (
        "atveseļošanās",
        "recovery, personīgā atveseļošanās",
        "Personisks process ceļā uz jēgpilnu dzīvi ar simptomiem vai bez tiem, ko balsta cerība, kontrole "
        "pār savu dzīvi un saikne ar citiem; tas nav tas pats, kas izārstēšanās.",
    ),
    "lt": (
        "sveikimas",
        "atsigavimas, asmeninis sveikimas, recovery",
        "Asmeninis kelias į prasmingą gyvenimą su simptomais ar be jų, paremtas viltimi, savo gyvenimo "
        "kontrole ir ryšiu su kitais; tai nėra tas pats, kas pasveikti.",
    ),
}

USER_INVOLVEMENT = {
    "en": (
        "user involvement",
        "service user involvement, user participation, co-production",
        "The right and the practice of letting people who use services, and their families, take part in "
        "decisions about their own care and in how services are planned and run.",
    ),
    "nb": (
        "brukermedvirkning",
        "brukerinvolvering, samproduksjon",
        "Retten og praksisen som gir dem som bruker tjenestene, og deres pårørende, innflytelse på egen "
        "behandling og på hvordan tjenestene planlegges og drives.",
    ),
    "sv": (
        "brukarinflytande",
        "brukarmedverkan, brukardelaktighet, samskapande",
        "Rätten och arbetssättet som ger dem som använder insatserna, och deras anhöriga, inflytande över "
        "sin egen vård och över hur verksamheten planeras och drivs.",
    ),
    "da": (
        "brugerinddragelse",
        "brugerindflydelse, samskabelse",
        "Retten og praksissen, der giver dem, der bruger tilbuddene, og deres pårørende indflydelse på egen "
        "behandling og på, hvordan tilbuddene planlægges og drives.",
    ),
    "fi": (
        "asiakasosallisuus",
        "osallisuus, käyttäjien osallistaminen, yhteiskehittäminen",
        "Oikeus ja toimintatapa, jonka avulla palveluja käyttävät ihmiset ja heidän läheisensä vaikuttavat "
        "omaan hoitoonsa sekä siihen, miten palveluja suunnitellaan ja toteutetaan.",
    ),
    "is": (
        "notendasamráð",
        "notendaþátttaka, samsköpun",
        "Réttur og starfshættir sem gera þeim sem nota þjónustuna, og aðstandendum þeirra, kleift að hafa "
        "áhrif á eigin meðferð og á það hvernig þjónustan er skipulögð og rekin.",
    ),
    "et": (
        "kasutajate kaasamine",
        "teenusekasutajate kaasamine, osalus, koosloome",
        "Õigus ja tööviis, mis annab teenuste kasutajatele ja nende lähedastele sõnaõiguse nii oma ravi "
        "kohta kui ka selle üle, kuidas teenuseid kavandatakse ja osutatakse.",
    ),
    "lv": (
        "pakalpojumu lietotāju iesaiste",
        "klientu līdzdalība, līdzradīšana",
        "Tiesības un prakse, kas ļauj pakalpojumu lietotājiem un viņu tuviniekiem ietekmēt gan savu "
        "ārstēšanu, gan to, kā pakalpojumi tiek plānoti un sniegti.",
    ),
    "lt": (
        "paslaugų gavėjų įtraukimas",
        "vartotojų dalyvavimas, bendrakūra",
        "Teisė ir praktika, leidžianti paslaugų gavėjams ir jų artimiesiems daryti įtaką savo gydymui ir "
        "tam, kaip paslaugos planuojamos ir teikiamos.",
    ),
}

PEER_SUPERVISION = {
    "en": (
        "peer supervision",
        "group supervision, supervision for peer support workers",
        "Regular, guided reflection in a group of peer support workers on situations from their work, on "
        "their role and on how they look after themselves.",
    ),
    "nb": (
        "gruppeveiledning",
        "kollegaveiledning, veiledning for erfaringskonsulenter",
        "Jevnlig, ledet refleksjon i en gruppe erfaringskonsulenter om situasjoner fra arbeidet, om rollen "
        "og om hvordan de tar vare på seg selv.",
    ),
    "sv": (
        "grupphandledning",
        "kollegial handledning, handledning för brukarmedarbetare",
        "Regelbunden, ledd reflektion i en grupp brukarmedarbetare kring situationer från arbetet, kring "
        "rollen och kring hur de tar hand om sig själva.",
    ),
    "da": (
        "gruppesupervision",
        "kollegial supervision, supervision for peermedarbejdere",
        "Regelmæssig, ledet refleksion i en gruppe af peermedarbejdere over situationer fra arbejdet, over "
        "rollen og over, hvordan de passer på sig selv.",
    ),
    "fi": (
        "vertaistyönohjaus",
        "ryhmätyönohjaus, kollegiaalinen työnohjaus",
        "Säännöllinen, ohjattu pohdinta vertaistyöntekijöiden ryhmässä työn tilanteista, omasta roolista ja "
        "siitä, miten pitää huolta itsestään.",
    ),
    "is": (
        "hóphandleiðsla",
        "jafningjahandleiðsla, handleiðsla jafningjaráðgjafa",
        "Regluleg, leidd ígrundun í hópi jafningjaráðgjafa um aðstæður úr starfinu, um hlutverkið og um það "
        "hvernig þeir hlúa að sjálfum sér.",
    ),
    "et": (
        "grupisupervisioon",
        "kovisioon, kolleegide supervisioon",
        "Regulaarne juhendatud arutelu kogemusnõustajate rühmas tööolukordade, oma rolli ja enda eest "
        "hoolitsemise üle.",
    ),
    "lv": (
        "grupas supervīzija",
        "intervīzija, kolēģu supervīzija",
        "Regulāras, vadītas pārdomas līdzgaitnieku atbalsta speciālistu grupā par situācijām darbā, par savu "
        "lomu un par to, kā rūpēties par sevi.",
    ),
    "lt": (
        "grupinė supervizija",
        "intervizija, kolegų supervizija",
        "Reguliarūs, vadovaujami savitarpio pagalbos darbuotojų grupės aptarimai apie situacijas darbe, savo "
        "vaidmenį ir tai, kaip pasirūpinti savimi.",
    ),
}

EMPOWERMENT = {
    "en": (
        "empowerment",
        "self-determination, taking back control",
        "The process by which people gain more power over their own lives and over the decisions that "
        "affect them, on their own and together with others.",
    ),
    "nb": (
        "myndiggjøring",
        "empowerment, selvbestemmelse",
        "Prosessen der mennesker får mer makt over eget liv og over beslutninger som angår dem, hver for seg "
        "og sammen med andre.",
    ),
    "sv": (
        "egenmakt",
        "empowerment, självbestämmande",
        "Processen där människor får mer makt över sina egna liv och över de beslut som rör dem, var för sig "
        "och tillsammans med andra.",
    ),
    "da": (
        "empowerment",
        "myndiggørelse, selvbestemmelse",
        "Processen, hvor mennesker får mere magt over deres eget liv og over de beslutninger, der vedrører "
        "dem, hver for sig og sammen med andre.",
    ),
    "fi": (
        "voimaantuminen",
        "valtaistuminen, empowerment, itsemääräämisoikeus",
        "Prosessi, jossa ihmiset saavat enemmän valtaa omaan elämäänsä ja heitä koskeviin päätöksiin, yksin "
        "ja yhdessä muiden kanssa.",
    ),
    "is": (
        "valdefling",
        "empowerment, sjálfræði",
        "Ferli þar sem fólk fær meira vald yfir eigin lífi og yfir ákvörðunum sem varða það, hvert fyrir sig "
        "og í sameiningu með öðrum.",
    ),
    "et": (
        "jõustamine",
        "võimestamine, empowerment, enesemääramine",
        "Protsess, mille käigus inimesed saavad rohkem võimu oma elu ja neid puudutavate otsuste üle, nii "
        "üksi kui ka koos teistega.",
    ),
    "lv": (
        "iespēcināšana",
        "empowerment, pašnoteikšanās",
        "Process, kurā cilvēki iegūst lielāku varu pār savu dzīvi un lēmumiem, kas viņus skar, gan katrs "
        "atsevišķi, gan kopā ar citiem.",
    ),
    "lt": (
        "įgalinimas",
        "galių suteikimas, empowerment, apsisprendimas",
        "Procesas, kurio metu žmonės įgyja daugiau galios savo gyvenime ir sprendimuose, kurie jiems daro "
        "įtaką, tiek individualiai, tiek kartu su kitais.",
    ),
}

PRACTICE = [RECOVERY, USER_INVOLVEMENT, PEER_SUPERVISION, EMPOWERMENT]
