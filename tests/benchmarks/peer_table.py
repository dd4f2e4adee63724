"""The side-by-side table of issue 18 from one folder of interleaved runs (tests/benchmarks/peer.sh).

    python3 tests/benchmarks/peer_table.py /tmp/np-bench/results/<run folder>

Reads the result JSON files the shared harness writes (``<peer|nordpeer>-<db>-r<n>-<time>.json``),
its ``runs.tsv`` (load average at each run's start and end) and peer.sh's ``loadavg.log`` (every
10 s), and prints per database: Nordpeer | peer | ratio. With several runs a figure is the median
of the runs, and a ratio the median of the per-run ratios (the harness's own convention).
Standard library only: it runs with any python3.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

RUN_FILE = re.compile(r"^(peer|nordpeer)-(sqlite|postgres)-r(\d+)-.*\.json$")


def dig(data, *keys):
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def lost_share(result):
    """Share of the checked SCORM sessions where the read-back found a lost write, in %."""
    browser = dig(result, "scorm", "browser") or {}
    checked = browser.get("verified_sessions")
    if not checked:
        return None
    return 100.0 * browser.get("sessions_with_lost_writes", 0) / checked


def queries(result, name):
    return dig(result, "queries_per_request", name, "queries_excl_tx")


def both_batches(result, key):
    if not result.get("statements"):
        return None
    return sum(dig(result, "statements", batch, key) or 0 for batch in ("batch1", "batch10"))


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def median(values):
    values = [v for v in values if is_number(v)]
    return statistics.median(values) if values else None


def number(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.{digits}f}"
    return f"{value:,.0f}"


def load_runs(folder: Path):
    runs: dict[tuple[str, str, int], dict] = {}
    for path in sorted(folder.glob("*.json")):
        match = RUN_FILE.match(path.name)
        if not match:
            continue
        try:
            runs[(match[1], match[2], int(match[3]))] = json.loads(path.read_text())
        except ValueError:
            print(f"(unreadable: {path.name})")
    return runs


# (figure, Nordpeer's value, the peer's value or None, how the ratio reads)
FIGURES = [
    (
        "SCORM sessions/s (20 learners)",
        lambda n: dig(n, "scorm", "browser", "sessions_per_s"),
        lambda p: dig(p, "scorm", "browser", "sessions_per_s"),
        "x",
    ),
    (
        "HTTP requests per SCORM session",
        lambda n: dig(n, "scorm", "browser", "requests_per_session"),
        lambda p: dig(p, "scorm", "browser", "requests_per_session"),
        None,
    ),
    ("sessions losing a write, %", lost_share, lost_share, None),
    (
        "SCORM HTTP errors",
        lambda n: dig(n, "scorm", "browser", "http_errors"),
        lambda p: dig(p, "scorm", "browser", "http_errors"),
        None,
    ),
    (
        "course page req/s, logged in (10 clients)",
        lambda n: dig(n, "pages", "course_page", "requests_per_s"),
        lambda p: dig(p, "pages", "course_page", "requests_per_s"),
        "x",
    ),
    (
        "lesson page with a SCORM block req/s vs peer player page",
        lambda n: dig(n, "pages", "lesson_page_with_scorm", "requests_per_s"),
        lambda p: dig(p, "pages", "scorm_player_page", "requests_per_s"),
        "x",
    ),
    (
        "server CPU ms per course page (gunicorn)",
        lambda n: dig(n, "pages", "course_page", "server_cpu_ms_per_request"),
        lambda p: dig(p, "pages", "course_page", "server_cpu_ms_per_request"),
        "x",
    ),
    (
        "queries per request: course page",
        lambda n: queries(n, "course_page"),
        lambda p: queries(p, "course_page"),
        "x",
    ),
]
# Nordpeer only: (figure, value)
OURS = [
    ("anonymous home page req/s", lambda n: dig(n, "pages", "home_anonymous", "requests_per_s")),
    ("anonymous material page req/s", lambda n: dig(n, "pages", "material_anonymous", "requests_per_s")),
    ("a static file from the same server, req/s", lambda n: dig(n, "pages", "static_file", "requests_per_s")),
    (
        "statements API, 20 clients, batch 1, statements/s",
        lambda n: dig(n, "statements", "batch1", "statements_per_s"),
    ),
    (
        "statements API, 20 clients, batch 10, statements/s",
        lambda n: dig(n, "statements", "batch10", "statements_per_s"),
    ),
    ("statements lost (batch 1 + 10)", lambda n: both_batches(n, "lost")),
    ("statements API HTTP errors (batch 1 + 10)", lambda n: both_batches(n, "http_errors")),
]
QUERY_NAMES = [
    ("home", "home_anonymous"),
    ("material", "material_anonymous"),
    ("course", "course_page"),
    ("lesson", "lesson_page_with_scorm"),
    ("commit", "scorm_commit_xhr"),
    ("finish beacon", "scorm_commit_beacon"),
    ("statements batch 1", "statements_batch1"),
    ("batch 10", "statements_batch10"),
]


def table(runs, db):
    numbers = sorted(r for (_, d, r) in runs if d == db)
    pairs = [(runs.get(("nordpeer", db, r)), runs.get(("peer", db, r))) for r in sorted(set(numbers))]
    ours = [n for n, _ in pairs if n]
    if not ours:
        return
    print(f"\n### {db} ({len(pairs)} run{'s' if len(pairs) > 1 else ''} of each; medians)\n")
    print("| figure | Nordpeer | peer | ratio |")
    print("|---|---|---|---|")
    for label, mine, theirs, kind in FIGURES:
        values = [(mine(n) if n else None, theirs(p) if p else None) for n, p in pairs]
        ratios = [a / b for a, b in values if kind and is_number(a) and is_number(b) and b]
        ratio = f"{median(ratios):.2f}×" if ratios else ""
        ours_, theirs_ = number(median([a for a, _ in values])), number(median([b for _, b in values]))
        print(f"| {label} | {ours_} | {theirs_} | {ratio} |")
    for label, mine in OURS:
        print(f"| {label} | {number(median([mine(n) for n in ours]))} | | |")
    material = median([dig(n, "pages", "material_anonymous", "requests_per_s") for n in ours])
    static = median([dig(n, "pages", "static_file", "requests_per_s") for n in ours])
    if material and static:
        share = f"{material / static:.3f}× (1/{static / material:.0f})"
        print(f"| anonymous material page vs the static file | | | {share} |")
    print(
        "\nQueries per request (Nordpeer, last run, without BEGIN/COMMIT/SAVEPOINT): "
        + ", ".join(f"{label} {queries(ours[-1], name)}" for label, name in QUERY_NAMES)
    )


def loads(folder: Path):
    tsv = folder / "runs.tsv"
    if tsv.exists():
        print("\nLoad average (1, 5, 15 min) at each run's start and end:\n")
        for line in tsv.read_text().splitlines():
            stamp, who, db, run, rest = line.split("\t")
            print(f"- {stamp} {who:8} {db:8} run {run}: {' '.join(rest.split()[:4])}")
    sampled = folder / "loadavg.log"
    if sampled.exists():
        ones = [float(line.split()[1]) for line in sampled.read_text().splitlines() if len(line.split()) > 1]
        if ones:
            print(
                f"\nLoad average while the runs went (1 min, every 10 s, {len(ones)} samples): "
                f"min {min(ones):.2f}, median {statistics.median(ones):.2f}, max {max(ones):.2f}"
            )


def main(argv):
    folder = Path(argv[1] if len(argv) > 1 else "/tmp/np-bench/results")  # noqa: S108 (peer.sh's default)
    runs = load_runs(folder)
    if not runs:
        print(f"no run results in {folder}")
        return 1
    for db in ("postgres", "sqlite"):
        table(runs, db)
    loads(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
