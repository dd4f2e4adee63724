"""Stop words per language: the commonest function words, which carry no meaning for search.

Short lists written for Nordpeer (articles, pronouns, prepositions, conjunctions and the
commonest auxiliaries), in lower case and with their native letters. They are dropped when
a document is indexed; in a query, a word is dropped when it is a stop word in any language
(the reader may type in any of them), unless the query consists of nothing else.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a an and are as at be but by for from has have he her his i if in into is it its of on or "
        "our she so that the their them there these they this those to was we were what when which "
        "who will with you your"
    ),
    "nb": _words(
        "og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har "
        "om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor "
        "eller hva skal selv sjøl her alle vil bli ble blitt kunne inn når være kom noen noe ville "
        "dere deres"
    ),
    "sv": _words(
        "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av "
        "icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde "
        "något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under "
        "någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen"
    ),
    "da": _words(
        "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om "
        "vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv "
        "her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end "
        "dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din "
        "nogle hos blive mange"
    ),
    "fi": _words(
        "ja on ei se että hän oli ovat olla mutta kun jos tai kuin myös vain niin sen tämä joka "
        "jotka mitä mikä me te he minä sinä ne siitä sitä nyt kanssa ole olen olet olemme ovat oli "
        "olivat ollut voi kaikki mukaan sekä"
    ),
    "is": _words(
        "og að á í er sem um við með til af en ekki það hann hún þau ég þú við þeir þær eru var "
        "voru eða sé hefur hafa fyrir frá eftir þegar þar hér þetta þessi þessa sig sín sinn hans "
        "hennar"
    ),
    "et": _words(
        "ja on ei et see ta nad me te mina sina oli olid olema kui või aga ka ning mis kes mida "
        "seda selle need nende oma kõik veel siis nii juba kus"
    ),
    "lv": _words(
        "un ir ar uz par no kā ka bet vai arī tas tā tie tās es tu viņš viņa mēs jūs viņi kas kur "
        "lai jo ja nav bija būt pie pēc līdz"
    ),
    "lt": _words(
        "ir yra ar su į iš nuo kad bet kaip tai tas ta jis ji jie jos mes jūs aš tu o nes jei kur "
        "kas buvo būti prie po per apie"
    ),
}


def stop_words(language: str) -> frozenset[str]:
    """The stop words of ``language``; none for a language without a list."""
    return STOP_WORDS.get(language, frozenset())


#: Every language's stop words together, for queries whose language is not known.
ANY_LANGUAGE: frozenset[str] = frozenset().union(*STOP_WORDS.values())
