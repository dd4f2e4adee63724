"""`make benchmark-serve`: Nordpeer's production topology under the shared harness's load, with memory.

    .venv/bin/python tests/benchmarks/production.py [--db postgres|sqlite] [--port 8161] [--fresh]

What it runs, from this working tree (or the checkout --repo names, with its own .venv):
1. a redis-server of its own (REDIS_URL, as production has one) on --port + 2;
2. the harness's ``nordpeer/setup.sh`` once per commit (or with --fresh): a fresh database
   (PostgreSQL ``bench_np_serve``), migrate, collectstatic, load_demo and its seed (a SCORM course,
   200 learners with sessions, 20 API tokens), with the environment of its ``env.sh``;
3. ``python -m website.serve`` (what `make serve` runs: collectstatic, migrate, gunicorn with
   WEB_CONCURRENCY=2 sync workers and the task worker) on --port;
4. the harness's ``load.py`` against it, through ``harness_launch.py`` (the lesson frame's launch
   step, which the harness predates): SCORM sessions, logged-in and anonymous pages, a static file,
   the statements API, queries per request; then searches in every language, since the search
   dictionaries are what a worker loads on its first search;
5. each gunicorn worker's resident memory (VmRSS from /proc/<pid>/status) after the load, its peak
   (VmHWM) and the task worker's, and the load average before and after.

Prints the figures and writes them, with load.py's JSON, to $BENCH_ROOT/serve-<db>/results/.
Env: BENCH_ROOT (/tmp/np-bench), HARNESS (<repo>/../shared/bench), SCORM_SECONDS, PAGE_SECONDS,
PUBLIC_SECONDS, STATEMENTS_SECONDS (load.py's phase lengths), SEARCH_SECONDS (10).
"""

# This script starts the servers and the harness it measures (fixed commands, local paths under
# BENCH_ROOT): the subprocess and /tmp rules do not apply.
# ruff: noqa: S603, S607, S108

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

#: The checkout measured: this one, or --repo (e.g. benchmark-peer's clone of HEAD).
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve_memory import Memory, children, mb, memory_of  # noqa: E402

#: A word people search for in each language (the demo's material has them).
SEARCHES = {
    "en": "peer support",
    "nb": "erfaringskonsulent",
    "sv": "brukarmedarbetare",
    "da": "recovery",
    "fi": "vertaistuki",
    "is": "jafningjastuðningur",
    "et": "kogemusnõustaja",
    "lv": "atveseļošanās",
    "lt": "savitarpio pagalba",
}
LIMIT_MB = 250  # issue 18: an application worker under 250 MB resident after the load


def say(message: str) -> None:
    print(f"benchmark-serve: {message}", file=sys.stderr, flush=True)


def loadavg() -> list[str]:
    return Path("/proc/loadavg").read_text().split()[:3]


def harness_env(harness: Path, base: dict[str, str]) -> dict[str, str]:
    """The environment the harness's env.sh sets up for production settings (sourced, not copied)."""
    out = subprocess.run(
        ["bash", "-c", f'set -e; source "{harness / "nordpeer" / "env.sh"}"; env -0'],
        env=base,
        check=True,
        capture_output=True,
    ).stdout.decode()
    return dict(item.split("=", 1) for item in out.split("\0") if "=" in item)


def seed_stamp(harness: Path) -> str:
    """What the seeded database depends on: the migrations there are and the harness's seed.

    Not the whole tree: `website.serve` migrates at every start, and seeding takes minutes.
    """
    parts = sorted(str(path.relative_to(REPO)) for path in REPO.glob("*/migrations/0*.py"))
    for name in ("setup.sh", "seed.py"):
        parts.append((harness / "nordpeer" / name).read_text())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def wait_http(port: int, path: str, host: str, seconds: float, alive) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive():
            raise SystemExit("the server stopped while starting; see its log")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path, headers={"Host": host})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"no answer from 127.0.0.1:{port}{path} within {seconds:.0f} s")


QUEUE_CHECK = """
import django, json
django.setup()
from django_tasks_db.models import DBTaskResult
rows = DBTaskResult.objects.values_list("status", flat=True)
print(json.dumps({s: list(rows).count(s) for s in ("READY", "RUNNING", "FAILED", "SUCCESSFUL")}))
"""


def python() -> str:
    """The measured checkout's own interpreter (its packages), or this one."""
    own = REPO / ".venv" / "bin" / "python"
    return str(own) if own.exists() else sys.executable


def task_queue(env: dict[str, str]) -> dict[str, int]:
    """How many tasks are waiting, running, failed and done (the task worker's table)."""
    check = [python(), "-c", QUEUE_CHECK]
    out = subprocess.run(check, cwd=REPO, env=env, check=True, capture_output=True)
    return json.loads(out.stdout)


def drain_queue(env: dict[str, str], seconds: float) -> dict[str, int]:
    """Wait for the task worker to finish the seed's backlog (index updates), so it is not timed."""
    deadline = time.monotonic() + seconds
    while True:
        counts = task_queue(env)
        if not (counts["READY"] or counts["RUNNING"]) or time.monotonic() > deadline:
            return counts
        say(f"waiting for the task worker: {counts['READY']} tasks queued, {counts['RUNNING']} running")
        time.sleep(10)


def search_phase(port: int, seconds: float, clients: int = 4) -> dict:
    """Searches in every language from a few clients: req/s and status codes."""
    stop = time.monotonic() + seconds
    codes: dict[int, int] = {}
    lock = threading.Lock()

    def client(k: int) -> None:
        languages = list(SEARCHES)
        n = k
        while time.monotonic() < stop:
            lang = languages[n % len(languages)]
            n += 1
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                path = f"/{lang}/search/?q={quote(SEARCHES[lang])}"
                conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
                status = conn.getresponse().status
            except OSError:
                status = 0
            finally:
                conn.close()
            with lock:
                codes[status] = codes.get(status, 0) + 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "status_codes": codes,
        "requests_per_s": round(codes.get(200, 0) / elapsed, 1),
    }


def main() -> int:
    global REPO
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    ap.add_argument("--port", type=int, default=8161)
    ap.add_argument("--fresh", action="store_true", help="seed a new database even if this tree was seeded")
    ap.add_argument("--repo", type=Path, default=REPO, help="the checkout to serve (default: this one)")
    args = ap.parse_args()
    REPO = args.repo.resolve()

    here = Path(__file__).resolve().parents[2]
    harness = Path(os.environ.get("HARNESS") or here.parent / "shared" / "bench").resolve()
    root = Path(os.environ.get("BENCH_ROOT") or "/tmp/np-bench")
    bench_dir = root / f"serve-{args.db}"
    redis_port = args.port + 2
    base = {
        **os.environ,
        "BENCH_ROOT": str(root),
        "NP": str(REPO),
        "PROJECT": str(REPO),
        "DB": args.db,
        "PORT": str(args.port),
        "BENCH_DIR": str(bench_dir),
        "PG_DB": "bench_np_serve",
        # Inside BENCH_DIR: collectstatic leaves the working tree alone, setup.sh starts it afresh.
        "STATIC_ROOT": str(bench_dir / "static"),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
    }
    base.pop("DJANGO_SETTINGS_MODULE", None)
    say(f"load average before: {' '.join(loadavg())}")
    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    serve = None
    try:
        stamp, stamp_file = seed_stamp(harness), bench_dir / ".bench-seeded"
        if args.fresh or not stamp_file.exists() or stamp_file.read_text().strip() != stamp:
            say(f"seeding {args.db} with the harness's setup.sh (about 2 min) ...")
            started = time.monotonic()
            setup = ["bash", str(harness / "nordpeer" / "setup.sh")]
            subprocess.run(setup, cwd=REPO, env=base, check=True, stdout=subprocess.DEVNULL)
            stamp_file.write_text(stamp)
            say(f"seeded in {time.monotonic() - started:.0f} s")
        else:
            say(f"reusing the seeded database (--fresh to seed again; {bench_dir})")
        env = {**harness_env(harness, base), "PYTHONPATH": f"{REPO}:{harness / 'nordpeer'}"}
        results = bench_dir / "results"
        results.mkdir(exist_ok=True)
        stamp_now = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        log = open(bench_dir / "logs" / f"serve-{stamp_now}.log", "w")  # noqa: SIM115 (the server's, until it stops)
        say(f"python -m website.serve on 127.0.0.1:{args.port} (log {log.name})")
        serve = subprocess.Popen(
            [python(), "-m", "website.serve"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_http(args.port, "/en/", f"127.0.0.1:{args.port}", 300, lambda: serve.poll() is None)
        kids = children(serve.pid)
        master = next(pid for pid, cmd in kids.items() if "gunicorn" in cmd)
        task_worker = next((pid for pid, cmd in kids.items() if "db_worker" in cmd), None)
        queue_before = drain_queue(env, 600)
        memory = Memory(master)
        memory.start()
        say(f"gunicorn master {master}, workers {sorted(children(master))}, task worker {task_worker}")
        out = results / f"load-{stamp_now}.json"
        load_cmd = [
            python(),
            # The harness's load.py with the lesson frame's launch step a browser takes (see there).
            str(Path(__file__).with_name("harness_launch.py")),
            "--shared-load",
            str(harness / "nordpeer" / "load.py"),
            "--bench-dir",
            str(bench_dir),
            "--runtime",
            str(REPO / "website/static/vendor/scorm-again/scorm12.min.js"),
            "--port",
            str(args.port),
            "--server-pid",
            str(master),
            "--server-log",
            log.name,
            "--out",
            str(out),
            "--scorm-seconds",
            os.environ.get("SCORM_SECONDS", "30"),
            "--hard-stop",
            os.environ.get("HARD_STOP", "45"),
            "--page-seconds",
            os.environ.get("PAGE_SECONDS", "15"),
            "--public-seconds",
            os.environ.get("PUBLIC_SECONDS", "10"),
            "--statements-seconds",
            os.environ.get("STATEMENTS_SECONDS", "15"),
        ]
        load_during = loadavg()
        started = time.monotonic()
        # Memory is reported even when load.py fails (it reads the working tree at its end).
        load_exit = subprocess.run(load_cmd, cwd=REPO, env=env, timeout=600).returncode
        search = search_phase(args.port, float(os.environ.get("SEARCH_SECONDS", "10")))
        load_seconds = time.monotonic() - started
        memory.stop()
        after = {pid: memory_of(pid) for pid in sorted(children(master))}
        summary = {
            "load_file": str(out),
            "load_exit": load_exit,
            "repo": str(REPO),
            "commit": subprocess.run(
                ["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True
            ).stdout.strip(),
            "seed": stamp,
            "db": args.db,
            "load_seconds": round(load_seconds),
            "loadavg_start": load_during,
            "loadavg_end": loadavg(),
            "search": search,
            "workers_after_load": after,
            "worker_peaks": memory.report(),
            "task_worker": memory_of(task_worker) if task_worker else None,
            "master": memory_of(master),
            "tasks_before_load": queue_before,
            "tasks_after_load": task_queue(env),
        }
        (results / f"summary-{stamp_now}.json").write_text(json.dumps(summary, indent=1))
        report(json.loads(out.read_text()) if out.exists() else None, summary)
        return 1 if load_exit else 0
    finally:
        if serve is not None and serve.poll() is None:
            serve.send_signal(signal.SIGTERM)  # website.serve stops gunicorn and the task worker
            try:
                serve.wait(timeout=45)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, signal.SIGKILL)
        redis.terminate()
        redis.wait(timeout=10)


def report(load: dict | None, summary: dict) -> None:
    start, end = " ".join(summary["loadavg_start"]), " ".join(summary["loadavg_end"])
    where = f"{summary['db']}, {summary['commit']}"
    print(f"\n### make serve topology ({where}), load average {start} at start, {end} at end")
    print()
    if load is None:
        print(f"load.py failed (exit {summary['load_exit']}, its output is above): no load figures.")
    else:
        figures(load, summary["search"])
    memory(summary)


def figures(load: dict, search: dict) -> None:
    s, p, q = load["scorm"]["browser"], load["pages"], load["queries_per_request"]
    rows = [
        ("SCORM sessions/s (20 learners)", s["sessions_per_s"]),
        ("sessions losing a write / checked", f"{s['sessions_with_lost_writes']} / {s['verified_sessions']}"),
        ("SCORM HTTP errors", s["http_errors"]),
        *((f"{name} req/s", o["requests_per_s"]) for name, o in p.items()),
        *(
            (f"statements API {name}, statements/s (lost)", f"{o['statements_per_s']} ({o['lost']})")
            for name, o in load.get("statements", {}).items()
        ),
        ("server CPU ms per course page", p["course_page"].get("server_cpu_ms_per_request")),
        ("search pages req/s (every language)", f"{search['requests_per_s']} {search['status_codes']}"),
        ("queries per request", ", ".join(f"{k} {v['queries_excl_tx']}" for k, v in q.items())),
    ]
    print("| figure | Nordpeer |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")


def memory(summary: dict) -> None:
    print(f"\nMemory after the load (issue 18: a worker under {LIMIT_MB} MB resident):\n")
    print("| process | VmRSS MB | own (RssAnon) | mapped files (RssFile) | VmHWM (peak) MB | under |")
    print("|---|---|---|---|---|---|")
    rows = [(f"gunicorn worker {pid}", m) for pid, m in summary["workers_after_load"].items()]
    rows += [(name.replace("_", " "), summary[name]) for name in ("task_worker", "master") if summary[name]]
    for label, m in rows:
        under = ("yes" if m["VmRSS"] < LIMIT_MB * 1024 else "NO") if label.startswith("gunicorn") else ""
        print(
            f"| {label} | {mb(m['VmRSS'])} | {mb(m.get('RssAnon'))} | {mb(m.get('RssFile'))} "
            f"| {mb(m['VmHWM'])} | {under} |"
        )
    before, after = summary["tasks_before_load"], summary["tasks_after_load"]
    print(
        f"\nTask worker: {before['SUCCESSFUL']} tasks done and {before['FAILED']} failed before the load "
        f"(the seed's backlog, waited for), {after['SUCCESSFUL'] - before['SUCCESSFUL']} done and "
        f"{after['FAILED'] - before['FAILED']} failed during it, {after['READY']} still queued."
    )
    peaks = summary["worker_peaks"]
    print(
        f"\nWorkers seen during the load: {peaks['workers_seen']} (gunicorn recycles one after "
        f"max_requests); the largest resident size sampled: {mb(peaks['max_rss_kb'])} MB."
    )


if __name__ == "__main__":
    sys.exit(main())
