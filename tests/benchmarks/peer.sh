#!/usr/bin/env bash
# `make benchmark-peer`: the shared side-by-side harness (../shared/bench), the peer wagtail-lms
# and Nordpeer interleaved on this machine, then the ratio table of issue 18 and the load averages.
#
# Sets up what is missing, then runs: the peer (its venv and databases under $BENCH_ROOT, as its
# README says; nothing is written into the harness folder) is built once and rebuilt only when the
# harness changes. Nordpeer is measured from this repository's current commit (HEAD; commit first,
# the working tree is not measured): its clone in $BENCH_ROOT/main is moved to HEAD and its
# databases are seeded again whenever HEAD differs from the one they were seeded from.
#
# Env: RUNS=1 (interleaved pairs per database), DBS="postgres sqlite", BENCH_ROOT=/tmp/np-bench,
#   HARNESS=<repo>/../shared/bench, PORT=8102 (the peer's and ours, one at a time),
#   FRESH=1 (set both sides up again), SETUP_ONLY=1, LOAD_MAX / WAIT_FIRST / WAIT_NEXT (interleave.sh).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HARNESS=$(cd "${HARNESS:-$repo/../shared/bench}" && pwd)
export BENCH_ROOT=${BENCH_ROOT:-/tmp/np-bench}
# The harness runs from a copy under $BENCH_ROOT (its shared folder stays untouched), with its
# nordpeer/load.py run through tests/benchmarks/harness_launch.py: the shared load.py predates the
# one-use launch link of a lesson's frame and has no cookie jar; the shim adds what a browser does.
# The copy sits beside links to the rest of the shared folder: the harness finds ../../testdata.
shared=$(dirname "$HARNESS")
copy=$BENCH_ROOT/harness-copy
rm -rf "$copy" && mkdir -p "$copy"
for entry in "$shared"/*; do [ "$entry" = "$HARNESS" ] || ln -s "$entry" "$copy/"; done
cp -R "$HARNESS" "$copy/bench"
mv "$copy/bench/nordpeer/load.py" "$copy/bench/nordpeer/load_shared.py"
cp "$repo/tests/benchmarks/harness_launch.py" "$copy/bench/nordpeer/load.py"
HARNESS=$copy/bench
export PORT=${PORT:-8102}
export NP=$BENCH_ROOT/main
DBS=${DBS:-postgres sqlite}
RUNS=${RUNS:-1}
PEER_VENV=$BENCH_ROOT/peer-venv
mkdir -p "$BENCH_ROOT/logs"

say() { echo "benchmark-peer: $*" >&2; }
# Seconds since this script started, for the timings the report gives.
t0=$(date +%s)
elapsed() { echo $(($(date +%s) - t0)); }
# A stamp file per built thing: rebuild when its recorded source differs (or FRESH=1).
fresh() { [ "${FRESH:-}" != 1 ] && [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }
quiet() { # run, keep the output in a log, show its tail on failure
  local log=$1; shift
  if ! "$@" > "$log" 2>&1; then say "failed: $* (log $log):"; tail -20 "$log" >&2; exit 1; fi
}

# --- the peer: venv + SQLite and PostgreSQL projects, once per version of the harness
peer_src=$(cat "$HARNESS"/peer-wagtail-lms/{setup.sh,constraints.txt} | sha1sum | cut -c1-12)
for db in $DBS; do
  dir=$BENCH_ROOT/peer-$([ "$db" = postgres ] && echo pg || echo sqlite)
  if fresh "$dir/.bench-built" "$peer_src" && [ -f "$dir/setup-info.json" ]; then
    say "peer ($db) already set up in $dir"; continue
  fi
  say "setting up the peer ($db) in $dir ..."
  s=$(date +%s)
  if [ "$db" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = 'bench_peer'" | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bench_peer"
    # bench_peer is this bench's own database: setup.sh may empty it.
    (cd "$HARNESS/peer-wagtail-lms" && VENV=$PEER_VENV BENCH_DIR=$dir BENCH_RESET_DB=1 \
      DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_peer quiet "$BENCH_ROOT/logs/peer-setup-$db.log" ./setup.sh)
  else
    (cd "$HARNESS/peer-wagtail-lms" && unset DATABASE_URL && VENV=$PEER_VENV BENCH_DIR=$dir \
      quiet "$BENCH_ROOT/logs/peer-setup-$db.log" ./setup.sh)
  fi
  echo "$peer_src" > "$dir/.bench-built"
  say "peer ($db) set up in $(($(date +%s) - s)) s"
done

# --- Nordpeer: the clone at HEAD, `make setup` in it, then a seeded database per DB
commit=$(git -C "$repo" rev-parse HEAD)
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] \
  || say "note: uncommitted changes in $repo are not measured (the bench runs commit ${commit:0:10})"
if [ -d "$NP/.git" ]; then
  if [ "$(git -C "$NP" rev-parse HEAD)" != "$commit" ]; then
    say "moving the clone $NP to ${commit:0:10}"
    git -C "$NP" fetch -q "$repo" "$commit"
    git -C "$NP" checkout -q --force --detach "$commit"
  fi
fi
if [ ! -d "$NP/.git" ]; then
  # Cloned here at $commit rather than by the harness's setup.sh (which clones whatever HEAD is by
  # then); the link to the shared folder is the one setup.sh makes: the clone's ../shared.
  say "cloning $repo at ${commit:0:10} into $NP"
  git clone -q --no-checkout "$repo" "$NP"
  git -C "$NP" checkout -q --detach "$commit"
  ln -sfn "$shared" "$(dirname "$NP")/shared"
fi
s=$(date +%s)
quiet "$BENCH_ROOT/logs/np-make-setup.log" env -u DJANGO_SETTINGS_MODULE make -C "$NP" setup
say "make setup in the clone: $(($(date +%s) - s)) s"
for db in $DBS; do
  dir=$BENCH_ROOT/np-$db
  if fresh "$dir/.bench-built" "$commit" && [ -f "$dir/setup-info.json" ]; then
    say "Nordpeer ($db) already seeded from ${commit:0:10}"; continue
  fi
  say "setting up Nordpeer ($db) from ${commit:0:10} ..."
  s=$(date +%s)
  PROJECT=$repo DB=$db quiet "$BENCH_ROOT/logs/np-setup-$db.log" "$HARNESS/nordpeer/setup.sh"
  [ "$(git -C "$NP" rev-parse HEAD)" = "$commit" ] || { say "the clone is not at $commit"; exit 1; }
  echo "$commit" > "$dir/.bench-built"
  say "Nordpeer ($db) set up in $(($(date +%s) - s)) s"
done
say "set-up done after $(elapsed) s"
[ "${SETUP_ONLY:-}" = 1 ] && exit 0

# --- the interleaved runs, into a folder of their own (summarize.py reads every run it finds)
res=$BENCH_ROOT/results/$(date -u +%Y%m%dT%H%M%SZ)-${commit:0:10}
mkdir -p "$res"
# The load average every 10 s while the runs go (the machine is shared: figures move with it).
(while :; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$res/loadavg.log"; sleep 10; done) &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT
s=$(date +%s)
say "interleaved runs: DBS=\"$DBS\" RUNS=$RUNS, results in $res"
RES=$res DBS=$DBS RUNS=$RUNS PEER_VENV=$PEER_VENV "$HARNESS/nordpeer/interleave.sh" | tee "$res/interleave.log" >&2
say "interleaved runs took $(($(date +%s) - s)) s"
kill "$sampler" 2>/dev/null || true
python3 "$HARNESS/nordpeer/summarize.py" "$res" > "$res/summary.md"
python3 "$repo/tests/benchmarks/peer_table.py" "$res" | tee "$res/issue18-table.md"
say "full tables: $res/summary.md; total $(elapsed) s"
