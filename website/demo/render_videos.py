"""Render the demo clips and their posters from the slides in ``website.demo.videos``.

Run once after changing the slides, then commit the files in ``assets/videos/``:

    .venv/bin/python -m website.demo.render_videos

Needs ffmpeg (Debian: ``apt-get install ffmpeg``) with libvpx and libx264, and Pillow.
The clips are silent, 320x180 at 10 frames per second, a few tens of kilobytes each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 320, 180
FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]

ENCODERS = {
    ".webm": ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "45", "-row-mt", "1"],
    ".mp4": ["-c:v", "libx264", "-preset", "veryslow", "-crf", "32", "-tune", "stillimage",
             "-movflags", "+faststart"],
}  # fmt: skip


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def render_slide(text: str, colour: str, number: int, total: int) -> Image.Image:
    """One slide: the text centred on a plain background, the network's name and a counter below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    big = _font(17 if number == 1 else 15)
    small = _font(9)
    lines = textwrap.wrap(text, width=28 if number == 1 else 32)
    line_height = big.size + 6
    top = (HEIGHT - 20 - line_height * len(lines)) // 2
    for index, line in enumerate(lines):
        draw.text((WIDTH // 2, top + index * line_height), line, font=big, fill="white", anchor="ma")
    draw.text((10, HEIGHT - 16), "Nordpeer", font=small, fill="#dddddd")
    draw.text((WIDTH - 10, HEIGHT - 16), f"{number}/{total}", font=small, fill="#dddddd", anchor="ra")
    return image


def render_video(video: dict, slide_seconds: int, out_dir: Path) -> Path:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("ffmpeg is not installed; on Debian: apt-get install ffmpeg")
    target = out_dir / video["file"]
    slides = video["slides"]
    with tempfile.TemporaryDirectory() as work:
        listing = []
        for number, (text, colour) in enumerate(zip(slides, video["colours"], strict=True), start=1):
            frame = Path(work) / f"slide{number}.png"
            render_slide(text, colour, number, len(slides)).save(frame)
            listing += [f"file '{frame}'", f"duration {slide_seconds}"]
            if number == 1:
                shutil.copy(frame, out_dir / video["poster"])
        # The concat demuxer ignores the last duration unless the last file is listed again.
        listing.append(listing[-2])
        (Path(work) / "slides.txt").write_text("\n".join(listing) + "\n")
        command = [
            ffmpeg, "-y", "-loglevel", "error", "-f", "concat", "-safe", "0",
            "-i", str(Path(work) / "slides.txt"),
            "-vf", "fps=10,format=yuv420p", "-g", "30", "-an",
            "-t", str(slide_seconds * len(slides)),
            *ENCODERS[target.suffix], str(target),
        ]  # fmt: skip
        subprocess.run(command, check=True)  # noqa: S603 - fixed arguments, no shell
    return target


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    import django

    django.setup()
    from website.demo.videos import SLIDE_SECONDS, VIDEO_DIR, VIDEOS

    VIDEO_DIR.mkdir(parents=True, exist_ok=True)
    for video in VIDEOS:
        target = render_video(video, SLIDE_SECONDS, VIDEO_DIR)
        print(f"{target.name}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
