"""The network's partner organisations in the demo: invented, but like the schools and
organisations that train peer support workers in each country. Names are not translated;
descriptions are (see ``website.demo.translations``)."""

from website.models.snippets import Country

PARTNERS = [
    {
        "name": "Havbris fagskole",
        "country": Country.NORWAY,
        "website": "https://havbris.example",
        "description": (
            "A vocational college in western Norway with a two-year part-time programme for peer support "
            "workers in mental health and addiction services, combining classroom teaching with two "
            "placement periods."
        ),
    },
    {
        "name": "Kompassrosen folkhögskola",
        "country": Country.SWEDEN,
        "website": "https://kompassrosen.example",
        "description": (
            "A folk high school that runs a one-year course for people who want to use their experience "
            "of mental illness in paid work, and short courses for the employers who hire them."
        ),
    },
    {
        "name": "Recoveryhuset Medvind",
        "country": Country.DENMARK,
        "website": "https://medvind.example",
        "description": (
            "A user-run recovery centre in Jutland that trains peer workers and offers placements where "
            "students work alongside experienced colleagues."
        ),
    },
    {
        "name": "Brúin jafningjafélag",
        "country": Country.ICELAND,
        "website": "https://bruin.example",
        "description": (
            "An association of people with lived experience in Reykjavík that runs peer support groups "
            "and organised the first Icelandic course for peer workers."
        ),
    },
    {
        "name": "Kogemuskoda",
        "country": Country.ESTONIA,
        "website": "https://kogemuskoda.example",
        "description": (
            "A training centre in Tartu that prepares experience counsellors for work in psychiatric "
            "clinics and municipalities, and supports them afterwards with group supervision."
        ),
    },
    {
        "name": "Pieredzes tilts",
        "country": Country.LATVIA,
        "website": "https://pieredzestilts.example",
        "description": (
            "An association in Riga that brings people with lived experience into hospitals and social "
            "services and is developing a national course for peer workers."
        ),
    },
    {
        "name": "Patirties dirbtuvės",
        "country": Country.LITHUANIA,
        "website": "https://patirtiesdirbtuves.example",
        "description": (
            "A non-governmental organisation in Vilnius that trains peer consultants and works with "
            "employers to create the first paid peer positions in the country's mental health centres."
        ),
    },
]
