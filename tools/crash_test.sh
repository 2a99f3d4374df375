#!/usr/bin/env bash
# Crash safety: ingests a few thousand generated articles, kills the ingest with SIGKILL at
# random moments (at least KILLS times), and checks after each kill that `geokg verify` passes
# (every article is all there or absent, every count matches its evidence), that readers and a
# refused second writer behave while an ingest runs, and that resuming ends with exactly the
# facts and counts of an uninterrupted ingest. Usage: tools/crash_test.sh [BUILD_DIR]
# Environment: KILLS (default 12), ARTICLES (default 4000), SEED (default: random, printed).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
geokg="$build/tools/geokg"
bench="$build/tools/bench_store"
kills_wanted=${KILLS:-12}
articles=${ARTICLES:-4000}
seed=${SEED:-$((RANDOM * 32768 + RANDOM))}
RANDOM=$seed
[[ -x $geokg && -x $bench ]] || { echo "crash_test: build first ($geokg, $bench)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "crash_test: FAILED (seed $seed): $*" >&2; exit 1; }

"$bench" articles "$articles" 1 > "$work/articles.jsonl"
"$geokg" ingest "$work/articles.jsonl" --db "$work/ref.db" --threads 2 2>/dev/null
"$geokg" export --db "$work/ref.db" --format jsonl > "$work/ref.jsonl"
"$geokg" stats --db "$work/ref.db" --format json > "$work/ref.stats"
echo "crash_test: seed $seed; reference: $(tr -d ' \n' < "$work/ref.stats")"

# Checks a store that a finished ingest left against the reference.
same_as_reference() {
  "$geokg" export --db "$work/crash.db" --format jsonl > "$work/got.jsonl"
  "$geokg" stats --db "$work/crash.db" --format json > "$work/got.stats"
  cmp -s "$work/ref.stats" "$work/got.stats" || fail "counts differ: $(tr -d ' \n' < "$work/got.stats")"
  cmp -s "$work/ref.jsonl" "$work/got.jsonl" || fail "facts differ from the uninterrupted ingest"
}

# While an ingest runs (a larger corpus, so that it runs long enough): a second writer is
# refused, readers work on a consistent state.
"$bench" articles 20000 2 > "$work/more.jsonl"
"$geokg" ingest "$work/more.jsonl" --db "$work/busy.db" --threads 1 2>/dev/null &
pid=$!
for _ in $(seq 100); do [[ -e $work/busy.db/CURRENT ]] && break; sleep 0.05; done
sleep 0.5
second=0
"$geokg" ingest "$work/articles.jsonl" --db "$work/busy.db" 2>"$work/second.err" || second=$?
"$geokg" stats --db "$work/busy.db" > /dev/null || fail "stats failed while an ingest ran"
"$geokg" verify --db "$work/busy.db" > /dev/null || fail "verify failed while an ingest ran"
kill -KILL "$pid" 2>/dev/null || fail "the ingest of the larger corpus ended too soon to check readers"
wait "$pid" 2>/dev/null || true
(( second == 1 )) || fail "a second writer was let in"
grep -q "store is in use by another process" "$work/second.err" || fail "second writer: $(cat "$work/second.err")"
echo "crash_test: during an ingest: stats and verify worked, a second writer was refused"

kills=0 rounds=0 completions=0
while (( kills < kills_wanted )); do
  (( ++rounds <= 20 * kills_wanted )) || fail "only $kills kills in $rounds rounds"
  "$geokg" ingest "$work/articles.jsonl" --db "$work/crash.db" --threads 2 2>"$work/ingest.err" &
  pid=$!
  sleep "0.$(printf '%03d' $((20 + RANDOM % 980)))"
  if kill -KILL "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
  else
    wait "$pid" || fail "ingest failed: $(cat "$work/ingest.err")"
  fi
  if [[ ! -e $work/crash.db ]]; then
    echo "crash_test: round $rounds, kill $kills: killed before the store was created"
    continue
  fi
  "$geokg" verify --db "$work/crash.db" > "$work/verify.out" 2>&1 || fail "verify after kill $kills: $(head -5 "$work/verify.out")"
  docs=$("$geokg" stats --db "$work/crash.db" --format json | sed -n 's/.*"documents": \([0-9]*\).*/\1/p')
  echo "crash_test: round $rounds, kill $kills: store verified with $docs documents"
  if (( docs == articles )); then
    same_as_reference
    completions=$((completions + 1))
    rm -rf "$work/crash.db"  # start over, so that later kills land mid-ingest again
  fi
done
"$geokg" ingest "$work/articles.jsonl" --db "$work/crash.db" --threads 2 2>/dev/null
"$geokg" verify --db "$work/crash.db" > /dev/null || fail "verify after the final resume"
same_as_reference
echo "crash_test: passed: $kills kills in $rounds rounds, $((completions + 1)) resumed ingests equal to the reference"
