"""Requests per second of public addresses on a running server, e.g. a cached page against a static file.

    python tests/benchmarks/page_rate.py http://127.0.0.1:8141 /en/some-page/ /static/website/css/site.css

Each address in turn gets THREADS clients (stdlib http.client, keeping the connection open where
the server allows) for SECONDS after a short warm-up; prints one line per address: requests per
second (answers only; failed connections are counted apart as "error"), status codes, the
X-Page-Cache answers and the body size. Anonymous: no cookies are sent.
"""

from __future__ import annotations

import argparse
import http.client
import threading
import time
from collections import Counter
from urllib.parse import urlsplit


def hammer(host: str, port: int, path: str, seconds: float, counts: Counter, lock: threading.Lock) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    seen: Counter = Counter()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "identity"})
            response = connection.getresponse()
            body = response.read()
            seen[(response.status, response.getheader("X-Page-Cache", "-"), len(body))] += 1
            if response.will_close:
                connection.close()
        except (http.client.HTTPException, OSError):
            seen["error"] += 1
            connection.close()
    connection.close()
    with lock:
        counts.update(seen)


def rate(base: str, path: str, threads: int, seconds: float) -> tuple[float, Counter]:
    parts = urlsplit(base)
    counts: Counter = Counter()
    lock = threading.Lock()
    workers = [
        threading.Thread(target=hammer, args=(parts.hostname, parts.port or 80, path, seconds, counts, lock))
        for _ in range(threads)
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    answered = sum(n for outcome, n in counts.items() if outcome != "error")
    return answered / (time.monotonic() - started), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8141")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warm-up", type=float, default=2)
    arguments = parser.parse_args()
    for path in arguments.paths:
        rate(arguments.base, path, arguments.threads, arguments.warm_up)
        per_second, counts = rate(arguments.base, path, arguments.threads, arguments.seconds)
        print(f"{per_second:8.1f} req/s  {path}  {dict(counts)}", flush=True)


if __name__ == "__main__":
    main()
