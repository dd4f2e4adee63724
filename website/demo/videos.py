"""The demo videos: silent clips of text slides, their captions and transcripts.

The clips in ``assets/videos/`` were rendered from ``slides`` by ``render_videos.py``,
each slide shown for ``SLIDE_SECONDS``. The caption cues are made from the same slides
(translated through ``website.demo.translations``), so they match the clip by construction.
"""

from __future__ import annotations

from pathlib import Path

from website.models.base import Audience

ASSETS = Path(__file__).resolve().parent / "assets"
VIDEO_DIR = ASSETS / "videos"

#: How long each slide of a clip is shown, in seconds.
SLIDE_SECONDS = 3
#: Languages the captions are made in.
CAPTION_LANGUAGES = ["en", "nb", "sv", "et"]

SILENT = "The film has no sound. It shows these slides, one after the other:"

VIDEOS = [
    {
        "key": "what-peer-workers-do",
        "parent": "videos",
        "title": "What does a peer support worker do?",
        "slug": "what-does-a-peer-support-worker-do",
        "summary": "A short film in five slides about the everyday work of a peer support worker.",
        "audience": Audience.EVERYONE,
        "file": "what-does-a-peer-support-worker-do.webm",
        "poster": "what-does-a-peer-support-worker-do.png",
        "colours": ["#1f4e5f", "#2e6b57", "#6b4e2e", "#4e2e6b", "#1f4e5f"],
        "slides": [
            "What does a peer support worker do?",
            "They use their own experience of mental illness or addiction, and of recovery.",
            "They walk alongside people: conversations, errands, meetings.",
            "They bring the service user's voice into the team.",
            "They show that change is possible.",
        ],
    },
    {
        "key": "sharing-with-care",
        "parent": "videos",
        "title": "Sharing your story with care",
        "slug": "sharing-your-story-with-care",
        "summary": "Three questions to ask yourself before you tell someone about your own experience.",
        "audience": Audience.PEER_WORKERS,
        "file": "sharing-your-story-with-care.mp4",
        "poster": "sharing-your-story-with-care.png",
        "colours": ["#5f1f3a", "#24536b", "#24536b", "#24536b", "#3a5f1f"],
        "slides": [
            "Sharing your story with care",
            "Whom is this for?",
            "What do I want it to do?",
            "Is this the right moment?",
            "Share a little, then turn back to the other person.",
        ],
    },
]


def transcript(video: dict) -> str:
    """The transcript as rich text: what the silent film shows, slide by slide."""
    return f"<p>{SILENT}</p>" + "".join(f"<p>{slide}</p>" for slide in video["slides"])


def _timestamp(seconds: int) -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"


def webvtt(cues: list[str]) -> str:
    """A WebVTT file with one cue per slide, timed as the clip shows them."""
    lines = ["WEBVTT", ""]
    for number, text in enumerate(cues):
        start = number * SLIDE_SECONDS
        lines += [str(number + 1), f"{_timestamp(start)} --> {_timestamp(start + SLIDE_SECONDS)}", text, ""]
    return "\n".join(lines)
