"""The shared harness's ``load.py`` with the lesson frame's launch step, as a browser takes it.

    python harness_launch.py [--shared-load PATH] <load.py's arguments>

The harness (``../shared/bench/nordpeer/load.py``, not ours to change) was written when the lesson
page's frame named a reusable player address. A lesson frame now names a one-use launch link: it
answers ``303`` to the player at the content session's address and sets the cookie that proves this
browser holds the session (``lms.content.launch``); the player and the commits need that cookie.
The harness has no cookie jar, so it takes the launch link for the player and fails at warm-up.

This runs the harness unchanged except for what a browser adds:

- warm-up: each learner opens the lesson page, follows the launch link once (``303``, cookie kept)
  and opens the player at the session's address, which every timed session then reopens, as a
  browser reloads the lesson's frame within the session's lifetime;
- every request to a content session's address carries that session's cookie;
- the in-process query count follows the launch link (launch and player counted together).

The unit of work timed stays the harness's: player page, commit, final beacon (3 requests).
``--shared-load`` defaults to ``load_shared.py`` beside this file (``peer.sh`` puts it there).
"""

from __future__ import annotations

import html
import importlib.util
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

#: The cookie of each content session, by the session's path (``/content/s/<token>/``).
SESSION_COOKIES: dict[str, str] = {}
COOKIE_NAME = "nordpeer_content"
_lock = threading.Lock()


def session_prefix(path: str) -> str | None:
    parts = path.split("/")
    if len(parts) > 3 and parts[1] == "content" and parts[2] == "s":
        return "/".join(parts[:4]) + "/"
    return None


def cookie_from(set_cookie_headers: list[str]) -> tuple[str, str] | None:
    """(path, value) of the content session cookie among a response's Set-Cookie headers."""
    for header in set_cookie_headers:
        name_value, *attributes = [part.strip() for part in header.split(";")]
        name, _, value = name_value.partition("=")
        if name != COOKIE_NAME:
            continue
        path = next((a.split("=", 1)[1] for a in attributes if a.lower().startswith("path=")), "/")
        return path, value
    return None


def patch(load) -> None:
    """Give the harness's client the launch step and the content session cookies."""
    original_request = load.Client.request

    def request(self, kind, method, path, host, body=None, headers=None):
        prefix = session_prefix(path.split("?", 1)[0])
        with _lock:
            value = SESSION_COOKIES.get(prefix) if prefix else None
        if value:
            headers = {**(headers or {}), "Cookie": f"{COOKIE_NAME}={value}"}
        return original_request(self, kind, method, path, host, body, headers)

    load.Client.request = request

    def launch(port: int, path: str, timeout: float) -> str:
        """Open a one-use launch link; keep its cookie; the player's path it leads to."""
        conn = load.http.client.HTTPConnection(load.HOST, port, timeout=timeout)
        try:
            conn.request("GET", path, headers={"Host": f"localhost:{port}", "User-Agent": "nordpeer-bench"})
            resp = conn.getresponse()
            resp.read()
            if resp.status != 303:
                raise RuntimeError(f"launch link answered {resp.status}")
            found = cookie_from(resp.headers.get_all("Set-Cookie") or [])
            if not found:
                raise RuntimeError("launch link set no content session cookie")
            with _lock:
                SESSION_COOKIES[found[0]] = found[1]
            return urlsplit(resp.headers["Location"]).path
        finally:
            conn.close()

    frame_re = load.FRAME_RE

    class LaunchedFrame:
        """``FRAME_RE`` whose match names the player the launch link led to, not the spent link."""

        def __init__(self, port: int, timeout: float):
            self.port, self.timeout = port, timeout

        def search(self, text):
            match = frame_re.search(text)
            if not match:
                return None
            link = urlsplit(html.unescape(match.group(1)))
            return _Match(launch(self.port, link.path, self.timeout))

    original_warmup = load.warmup

    def warmup(args, info, learners):
        load.FRAME_RE = LaunchedFrame(args.port, args.timeout)
        try:
            return original_warmup(args, info, learners)
        finally:
            load.FRAME_RE = frame_re

    load.warmup = warmup

    original_counts = load.query_counts

    def query_counts(info, learners):
        from django.test import Client

        follow_launch(Client)
        return original_counts(info, learners)

    load.query_counts = query_counts


class _Match:
    def __init__(self, path: str):
        self.path = path

    def group(self, _index: int) -> str:
        return self.path


def follow_launch(client_class) -> None:
    """The test client opens a launch link as a browser does: on to the player, cookie kept."""
    if getattr(client_class, "_follows_launch", False):
        return
    original_get = client_class.get

    def get(self, path, *args, **kwargs):
        response = original_get(self, path, *args, **kwargs)
        if response.status_code == 303 and "/content/launch/" in path:
            return original_get(self, urlsplit(response["Location"]).path, *args, **kwargs)
        return response

    client_class.get = get
    client_class._follows_launch = True


def main() -> None:
    argv = sys.argv[1:]
    shared = Path(__file__).with_name("load_shared.py")
    if argv[:1] == ["--shared-load"]:
        shared, argv = Path(argv[1]), argv[2:]
    spec = importlib.util.spec_from_file_location("load", shared)
    load = importlib.util.module_from_spec(spec)
    sys.modules["load"] = load
    spec.loader.exec_module(load)
    patch(load)
    sys.argv = [str(shared), *argv]
    load.main()


if __name__ == "__main__":
    main()
