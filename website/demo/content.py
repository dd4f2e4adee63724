"""The demo site's structure and its English source texts: home, sections, material and events.

Pages are plain data. Blocks are ``(type, value)`` pairs as a StreamField takes them, except
that a document or a video is named by a reference the builder resolves once the file or
page exists. Rich text is kept to paragraphs, lists, bold and italic, without links, so
that what wagtail-localize extracts stays readable for translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from website.models.base import Audience


@dataclass(frozen=True)
class PublicationFile:
    """The file of the publication ``key`` in the page's own language."""

    key: str


@dataclass(frozen=True)
class Video:
    """The video page ``key`` (see ``website.demo.videos``)."""

    key: str


HOME = {
    "title": "Nordpeer",
    "introduction": (
        "Learning material, videos and publications about peer support work, shared by schools "
        "and organisations in the Nordic and Baltic countries and translated into each partner's language."
    ),
    "body": [
        ("heading", {"text": "Experience that becomes a profession", "level": "h2"}),
        (
            "paragraph",
            "<p>A peer support worker is employed in mental health and addiction services because of "
            "what they have lived through. They have been where the people they meet are now, and they "
            "know from the inside that things can change. Nordpeer gathers what the network's schools "
            "have learned about training people for this work, so that nobody has to start from a blank "
            "page.</p>",
        ),
        (
            "paragraph",
            "<p>Here you will find:</p><ul>"
            "<li>an introduction to the role for students and new colleagues</li>"
            "<li>a handbook for employers and a brochure for the people who use the services</li>"
            "<li>short videos with captions in several languages</li>"
            "<li>the network's annual gathering</li></ul>",
        ),
        (
            "callout",
            {
                "tone": "note",
                "title": "Written together, read in your own language",
                "text": "<p>Every text starts in English, the network's shared working language. Editors "
                "in each country translate it and adapt it where their services work differently.</p>",
            },
        ),
    ],
}

#: Sections under the home page, in menu order; ``key`` is what pages name as their parent.
SECTIONS = [
    {
        "key": "learning",
        "title": "Learning material",
        "slug": "learning-material",
        "introduction": (
            "Texts for students, new peer support workers and the colleagues they will work beside: "
            "what the role is, how it is learned and what helps it work."
        ),
    },
    {
        "key": "library",
        "title": "Resource library",
        "slug": "resource-library",
        "introduction": (
            "Handbooks and brochures to download, each in the languages it has been translated into."
        ),
    },
    {
        "key": "videos",
        "title": "Videos",
        "slug": "videos",
        "introduction": (
            "Short films about peer support work, with captions in several languages and a written "
            "transcript."
        ),
    },
    {
        "key": "events",
        "title": "Events",
        "slug": "events",
        "introduction": (
            "Gatherings where peer support workers, students, teachers and employers from the network "
            "meet, in person and online."
        ),
    },
]

THREE_QUESTIONS = (
    "<ul><li>Whom is this for?</li><li>What do I want it to do?</li><li>Is this the right moment?</li></ul>"
)

MATERIAL = {
    "parent": "learning",
    "title": "The peer support worker role: an introduction",
    "slug": "peer-support-worker-role",
    "audience": Audience.STUDENTS,
    "summary": (
        "What peer support workers do, where they work, what they bring that other professions cannot, "
        "and what they need from their workplace to do it well."
    ),
    "body": [
        ("heading", {"text": "A role built on lived experience", "level": "h2"}),
        (
            "paragraph",
            "<p>Peer support workers are employed in mental health and addiction services <b>because of</b> "
            "their own experience of illness, crisis or substance use, and of finding a way forward. In "
            "Norway the role is called <i>erfaringskonsulent</i>; elsewhere people speak of peer supporters, "
            "experts by experience or recovery mentors. The titles differ, but the core is the same: "
            "experience that has been reflected on and can be used for the good of others.</p>",
        ),
        (
            "paragraph",
            "<p>The profession is young. Many peer support workers are the first in their workplace to "
            "hold the role, and some have had to write their own job description. That is one reason the "
            "network's schools share their material: a common understanding of the role makes it easier "
            "for services to hire peer support workers, and for peer support workers to stay.</p>",
        ),
        ("heading", {"text": "What the work looks like", "level": "h2"}),
        (
            "paragraph",
            "<p>The tasks vary with the workplace, but most peer support workers spend their days on a mix "
            "of these:</p><ul>"
            "<li>walking alongside people who use the services: conversations, everyday errands, meetings "
            "with the welfare office</li>"
            "<li>bringing the service user's perspective into team meetings and treatment planning</li>"
            "<li>running groups and courses, often together with a colleague from another profession</li>"
            "<li>taking part in developing and evaluating services</li></ul>",
        ),
        ("video", {"video": Video("what-peer-workers-do")}),
        (
            "quote",
            {
                "quote": "I don't tell people what worked for me. I tell them that something worked, "
                "and that we can look together for what might work for them.",
                "attribution": "A peer support worker in a community mental health team",
            },
        ),
        ("heading", {"text": "Sharing your story with purpose", "level": "h2"}),
        (
            "paragraph",
            "<p>A peer support worker does not tell their whole story, and never for their own sake. The "
            "skill lies in choosing what to share, when and why: a short piece of experience that opens a "
            "conversation or gives hope, and then the attention goes back to the other person.</p>",
        ),
        ("callout", {"tone": "tip", "title": "Three questions before you share", "text": THREE_QUESTIONS}),
        ("video", {"video": Video("sharing-with-care")}),
        ("heading", {"text": "What makes the role work", "level": "h2"}),
        (
            "paragraph",
            "<p>The experience of the network's members points the same way. Peer support workers do best "
            "where the whole team knows why the role exists, where the job description is clear, and where "
            "there is regular supervision together with other peer support workers. Being the only one in "
            "a workplace with this role can be lonely; colleagues in a network elsewhere help.</p>",
        ),
        (
            "callout",
            {
                "tone": "important",
                "title": "Your own health comes first",
                "text": "<p>Working close to other people's crises can stir up your own memories. Agree "
                "with your manager in advance what you will do on a hard day, and bring it to supervision. "
                "Looking after yourself is part of the job, not a break from it.</p>",
            },
        ),
        ("heading", {"text": "For employers", "level": "h3"}),
        (
            "paragraph",
            "<p>The network's handbook for employers goes through what to prepare before hiring, how to "
            "write the job description and how to follow up during the first year.</p>",
        ),
        (
            "document",
            {"document": PublicationFile("handbook"), "label": "Download the handbook for employers (PDF)"},
        ),
    ],
}

#: Publications of the resource library. ``files`` are the languages each exists in; the
#: PDF of each is generated from the page's own texts in that language.
PUBLICATIONS = [
    {
        "key": "handbook",
        "parent": "library",
        "kind": "handbook",
        "title": "Hiring a peer support worker: a handbook for employers",
        "slug": "handbook-for-employers",
        "audience": Audience.EMPLOYERS,
        "publisher": "Nordpeer network",
        "year": 2026,
        "summary": (
            "For managers in mental health and addiction services who want to employ peer support "
            "workers: how to prepare the team, write the job description, recruit, and give the role "
            "the support it needs in its first year."
        ),
        "body": [
            ("heading", {"text": "What the handbook covers", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>why services hire peer support workers, and what changes when they do</li>"
                "<li>preparing the team before the first working day</li>"
                "<li>the job description, pay and working conditions</li>"
                "<li>supervision, follow-up and the first year</li></ul>",
            ),
            (
                "paragraph",
                "<p>The handbook is short on purpose. Each chapter ends with questions that a management "
                "team can work through together.</p>",
            ),
        ],
        "files": ["en", "nb", "sv", "et"],
    },
    {
        "key": "brochure",
        "parent": "library",
        "kind": "brochure",
        "title": "What is a peer support worker? A brochure for service users and families",
        "slug": "brochure-what-is-a-peer-support-worker",
        "audience": Audience.EVERYONE,
        "publisher": "Nordpeer network",
        "year": 2026,
        "summary": (
            "A short brochure for waiting rooms and wards that explains in plain words who peer support "
            "workers are and what you can talk to them about, with space on the back for your service's "
            "own information."
        ),
        "local_information_heading": "Peer support in our service",
        "body": [
            ("heading", {"text": "In the brochure", "level": "h2"}),
            (
                "paragraph",
                "<p>Someone on the staff has been through something like what you are going through. The "
                "brochure tells service users and their families what a peer support worker can help with, "
                "what they keep to themselves, and how to get in touch.</p>",
            ),
        ],
        "files": ["en", "nb", "sv", "et"],
    },
]

_TALLINN = ZoneInfo("Europe/Tallinn")

EVENT = {
    "parent": "events",
    "title": "Nordpeer Gathering 2027",
    "slug": "nordpeer-gathering-2027",
    "summary": (
        "Two days in Tallinn for everyone who trains, works as or works with peer support workers in the "
        "Nordic and Baltic countries: talks, workshops and plenty of time to meet colleagues from other "
        "countries."
    ),
    "start": datetime(2027, 9, 23, 10, 0, tzinfo=_TALLINN),
    "end": datetime(2027, 9, 24, 15, 0, tzinfo=_TALLINN),
    "venue": "Tallinn, Estonia: a conference centre in the city centre, named with the programme",
    "online_url": "https://nordpeer.example/gathering-2027/stream",
    "registration_url": "https://nordpeer.example/gathering-2027/register",
    "audience": "Peer support workers, students and teachers; employers welcome",
    "body": [
        ("heading", {"text": "Programme", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Thursday:</b> welcome, how the role is developing in each country, dinner "
            "together</li><li><b>Friday:</b> workshops on supervision, training and working conditions, "
            "closing plenary</li></ul>",
        ),
        (
            "paragraph",
            "<p>The plenary sessions are streamed and interpreted into English. The workshops are in "
            "person only.</p>",
        ),
        (
            "callout",
            {
                "tone": "tip",
                "title": "Travelling on a small budget?",
                "text": "<p>Partner schools can apply for travel support for their students. Ask your "
                "school's contact person before 1 June 2027.</p>",
            },
        ),
    ],
}
