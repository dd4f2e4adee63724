"""Builders for the certificates, xAPI, LRS and privacy suites: a multilingual course a learner
has completed, and a fake LRS that listens on a real socket."""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from lms.progress import record
from tests.lms_factories import Course, enrol, make_course, statement
from website.translating import translate

#: A letter of every partner language, upper and lower case among them.
ALL_LETTERS = "āčēģīķļņšūž ąęėįų õäöü åæøþð ĀČĒĢĪĶĻŅŠŪŽ ĄĘĖĮŲ ÕÄÖÜ ÅÆØÞÐ"
TITLES = {
    "en": "Peer work together: æ ø å þ ð ä ö ü õ",
    "nb": "Likepersonarbeid sammen: æ ø å",
    "lv": "Līdzgaitnieku darbs kopā: ā č ē ģ ī ķ ļ ņ š ū ž",
    "lt": "Bendraamžių darbas kartu: ą č ę ė į š ų ū ž",
    "is": "Jafningjastarf saman: þ ð æ ö",
}
FIRST_NAME = "Þórdís Ģirts Åse"
LAST_NAME = "Ķēniņš-Žąsėlytė Øvergård Põld"


def multilingual_course(home, languages=("nb", "lv", "lt", "is"), **fields) -> Course:
    """A published course titled in English and in ``languages`` (the homes are translated too)."""
    course = make_course(home, TITLES["en"], modules=1, lessons_per_module=2, **fields)
    for code in languages:
        if home.get_translations().filter(locale__language_code=code).first() is None:
            translate(home, code, {}, strict=False)
        translate(course.page, code, {TITLES["en"]: TITLES[code]}, strict=False)
    return course


def complete(user, course: Course, enrolled: bool = True) -> None:
    """Enrol ``user`` and record a view of every lesson, which completes the course."""
    if enrolled:
        enrol(user, course.page)
    for lesson in course.lessons:
        record(statement(user, lesson))


@dataclass
class FakeLrs:
    """An xAPI LRS on 127.0.0.1 that checks what it is sent and answers from a script."""

    username: str = "lrs-key"
    password: str = "lrs-secret"
    #: Status codes to answer with, in order; 204 (stored) once they run out.
    script: list[int] = field(default_factory=list)
    received: list[dict] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xapi"

    def settings(self) -> dict:
        return {"LRS_ENDPOINT": self.endpoint, "LRS_USERNAME": self.username, "LRS_PASSWORD": self.password}

    def stored(self) -> list[dict]:
        return [request["body"] for request in self.received if request["status"] == 204]

    def start(self) -> FakeLrs:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self):  # noqa: N802 -- the name http.server calls
                url = urlsplit(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = fake.script.pop(0) if fake.script else 204
                expected = base64.b64encode(f"{fake.username}:{fake.password}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {expected}":
                    status = 401
                elif not (
                    self.headers.get("X-Experience-API-Version") == "1.0.3"
                    and self.headers.get("Content-Type") == "application/json"
                    and url.path == "/xapi/statements"
                    and parse_qs(url.query).get("statementId") == [json.loads(body).get("id")]
                ):
                    status = 400
                parsed = json.loads(body)
                fake.received.append(
                    {
                        "status": status,
                        "body": parsed,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                    }
                )
                self.send_response(status)
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format, *args):  # noqa: A002 -- http.server's signature
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
