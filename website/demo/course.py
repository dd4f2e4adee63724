"""The demo course and its English source texts: a short course for new peer support workers.

A course holds modules and a module holds lessons, each a page of its own. Lesson blocks are
``(type, value)`` pairs as ``lms.blocks.LessonBlocks`` takes them, except that a library page is
named by a reference the builder resolves once the page exists: ``LibraryPage`` for a page
by its key in the demo data, ``content.Video`` for a video.
"""

from __future__ import annotations

from dataclasses import dataclass

from website.demo.content import Video


@dataclass(frozen=True)
class LibraryPage:
    """The demo page ``key`` (e.g. "material"), shown inside a lesson."""

    key: str


def _option(text: str, correct: bool, feedback: str) -> dict:
    return {"text": text, "correct": correct, "feedback": feedback}


SHARING_CHECK = {
    "title": "Check: sharing with care",
    "pass_mark": 75,
    "questions": [
        {
            "kind": "single",
            "prompt": (
                "Someone you support asks how you stopped drinking. What is the most helpful first answer?"
            ),
            "options": [
                _option(
                    "Tell them step by step what you did, so that they can do the same.",
                    False,
                    "What worked for you may not work for them, and a long story turns the attention to you.",
                ),
                _option(
                    "Say briefly that change was possible for you, and ask what they have tried themselves.",
                    True,
                    "Yes. A short piece of experience gives hope, and the question gives the conversation "
                    "back to them.",
                ),
                _option(
                    "Say that you never talk about your own life at work.",
                    False,
                    "You may keep the details to yourself, but your experience is why you are there. A "
                    "short, chosen answer usually helps more.",
                ),
            ],
            "statement_is_true": False,
            "explanation": "Sharing with purpose means something short, chosen for the other person's sake, "
            "and then the attention goes back to them.",
        },
        {
            "kind": "multiple",
            "prompt": "Which questions help you decide whether to share something from your own life? "
            "Choose all that apply.",
            "options": [
                _option("Whom is this for?", True, "Yes: what you share should serve the other person."),
                _option(
                    "What do I want it to do?",
                    True,
                    "Yes: know the purpose, such as giving hope or opening up.",
                ),
                _option(
                    "Is this the right moment?",
                    True,
                    "Yes: the same story can help one day and be a burden the next.",
                ),
                _option(
                    "Will it show that I have everything figured out?",
                    False,
                    "No: sharing is not about looking like a success. An honest, unfinished story often "
                    "helps more.",
                ),
            ],
            "statement_is_true": False,
            "explanation": "These are the three questions from the introduction to the role: whom it is for, "
            "what it should do, and whether this is the right moment.",
        },
        {
            "kind": "true_false",
            "prompt": (
                "As a peer support worker you have the same duty of confidentiality as your colleagues."
            ),
            "options": [],
            "statement_is_true": True,
            "explanation": "True. What people tell you is covered by the same rules as for everyone else on "
            "the staff. Your own experience does not change that.",
        },
        {
            "kind": "true_false",
            "prompt": "A good peer support worker tells the people they meet their whole story.",
            "options": [],
            "statement_is_true": False,
            "explanation": "False. You choose what to share, when and why. Keeping parts of your story to "
            "yourself is a healthy boundary, not a lack of openness.",
        },
    ],
}

WELCOME = {
    "key": "lesson-welcome",
    "title": "Welcome to peer support work",
    "slug": "welcome-to-peer-support-work",
    "summary": "Why your experience is the reason you were hired, and what turns it into skill.",
    "completion_rule": "viewed",
    "estimated_minutes": 5,
    "body": [
        (
            "paragraph",
            "<p>Peer support work starts from something you already have: your own experience of mental "
            "illness, addiction or crisis, and of finding a way through. In your new job, that experience "
            "is not something to keep out of sight. It is the reason you were hired.</p>",
        ),
        (
            "paragraph",
            "<p>Experience alone is not the whole job, though. What helps others is experience you have "
            "reflected on: you know what helped you and what did not, and you know that other people's "
            "roads may look quite different.</p><ul>"
            "<li>You are a colleague with a role of your own in the team.</li>"
            "<li>You speak from experience, not from a diagnosis or a treatment plan.</li>"
            "<li>You give hope by being there, more than by giving advice.</li></ul>",
        ),
        (
            "paragraph",
            "<p>In this course you read, watch a short film, check what you have learned and take time to "
            "think about your own starting point. Each lesson tells you what completes it.</p>",
        ),
    ],
}

ROLE_IN_PRACTICE = {
    "key": "lesson-role",
    "title": "The role in practice",
    "slug": "the-role-in-practice",
    "summary": "The network's introduction to the role, read inside the course.",
    "completion_rule": "viewed",
    "estimated_minutes": 15,
    "body": [
        (
            "paragraph",
            "<p>The network's introduction to the role describes what peer support workers do, where they "
            "work and what helps the role work. Read it here; you will come back to its three questions "
            "about sharing in the next module.</p>",
        ),
        ("library_material", {"page": LibraryPage("material")}),
    ],
}

FILM = {
    "key": "lesson-film",
    "title": "A film about the everyday work",
    "slug": "a-film-about-the-everyday-work",
    "summary": "A short silent film in five slides, with captions in several languages.",
    "completion_rule": "video_watched",
    "video_share": 80,
    "estimated_minutes": 5,
    "body": [
        (
            "paragraph",
            "<p>This short film sums up the everyday work of a peer support worker. It has no sound; the "
            "captions and the transcript are in several languages.</p>",
        ),
        ("tracked_video", {"video": Video("what-peer-workers-do")}),
        (
            "paragraph",
            "<p>As you watch, notice which tasks you already recognise from your first days at work, and "
            "which are still new to you.</p>",
        ),
    ],
}

SHARING = {
    "key": "lesson-sharing",
    "title": "Sharing your story",
    "slug": "sharing-your-story",
    "summary": "When and why to share something from your own life, and a short knowledge check.",
    "completion_rule": "check_passed",
    "estimated_minutes": 10,
    "body": [
        (
            "paragraph",
            "<p>When you share something from your own life, it should serve the person in front of you. A "
            "short, well-chosen piece of experience can open a conversation or give hope; then the "
            "attention goes back to them.</p>",
        ),
        (
            "paragraph",
            "<p>Boundaries protect you both. You can be open about your experience and still keep the "
            "details to yourself. What people tell you is confidential, just as it is for your "
            "colleagues.</p>",
        ),
        ("knowledge_check", SHARING_CHECK),
    ],
}

LOOKING_AFTER_YOURSELF = {
    "key": "lesson-yourself",
    "title": "Looking after yourself",
    "slug": "looking-after-yourself",
    "summary": "A reflection on what you need on a hard day. You mark it done yourself.",
    "completion_rule": "learner_marks_done",
    "estimated_minutes": 10,
    "body": [
        (
            "paragraph",
            "<p>Working close to other people's crises can stir up your own memories. That does not mean "
            "you are in the wrong job: it is part of the work, and it is easier to handle when you have "
            "planned for it.</p>",
        ),
        (
            "paragraph",
            "<p>Take a quiet moment with these questions, on your own or with your supervisor. The answers "
            "are for you; you do not need to write them down here.</p><ul>"
            "<li>What are my first signs that a day has been too heavy?</li>"
            "<li>What helps me recover after a hard conversation?</li>"
            "<li>Whom at work can I talk to, and when do I have supervision?</li>"
            "<li>What have I agreed with my manager about a hard day?</li></ul>",
        ),
        ("paragraph", "<p>When you have spent some time with the questions, mark the lesson as done.</p>"),
    ],
}

NETWORK = {
    "key": "lesson-network",
    "title": "Finding colleagues in the network",
    "slug": "finding-colleagues-in-the-network",
    "summary": "An optional lesson about not being the only one in the role.",
    "completion_rule": "viewed",
    "required": False,
    "estimated_minutes": 5,
    "body": [
        (
            "paragraph",
            "<p>Many peer support workers are the only one with the role in their workplace. Colleagues "
            "who do the same work elsewhere can help you carry that.</p><ul>"
            "<li>Ask your manager for supervision together with other peer support workers.</li>"
            "<li>Find out whether your region has a network or a regular meeting.</li>"
            "<li>Come to the network's annual gathering, in person or online.</li></ul>",
        ),
    ],
}

COURSE = {
    "key": "course",
    "parent": "learning",
    "title": "Starting out as a peer support worker",
    "slug": "starting-out-as-a-peer-support-worker",
    "summary": (
        "A short course for your first weeks in the role: what peer support work is, how to use your own "
        "experience with care, and how to look after yourself while you do it."
    ),
    "introduction": (
        "Welcome. This course is for people who have just started, or are about to start, as peer support "
        "workers in mental health or addiction services. It has two modules and takes about 45 minutes. "
        "Your progress is saved, so you can stop at any time and come back later. When you have completed "
        "the required lessons, you get a certificate."
    ),
    "self_enrolment": True,
    "certificate": True,
    "modules": [
        {
            "key": "course-role",
            "title": "The role and what you bring",
            "slug": "the-role-and-what-you-bring",
            "summary": "What peer support work is, what the days look like, and the experience it rests on.",
            "requires_previous": False,
            "lessons": [WELCOME, ROLE_IN_PRACTICE, FILM],
        },
        {
            "key": "course-care",
            "title": "Using your experience with care",
            "slug": "using-your-experience-with-care",
            "summary": (
                "Sharing your story with purpose, keeping boundaries, and looking after your own health."
            ),
            "requires_previous": True,
            "lessons": [SHARING, LOOKING_AFTER_YOURSELF, NETWORK],
        },
    ],
}


def course_pages() -> list[dict]:
    """The course, its modules and their lessons, parents before children."""
    pages = [COURSE]
    for module in COURSE["modules"]:
        pages += [module, *module["lessons"]]
    return pages
