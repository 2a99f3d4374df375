#!/usr/bin/env bash
# Crash safety: ingests a few thousand generated articles, kills the ingest with SIGKILL at
# random moments (at least KILLS times), and checks after each kill that `geokg verify` passes
# (every article is all there or absent, every count matches its evidence), that readers and a
# refused second writer behave while an ingest runs, and that resuming ends with exactly the
# facts and counts of an uninterrupted ingest. Then the same for an ingest of changed articles
# (each replaces a stored one: its old contribution removed and the new one added in one
# batch). Last, kills an ingest while it saves the link view (the graph every whole-graph question
# reads): readers must then ignore the view it leaves, and the next writer must bring it back.
# Usage: tools/crash_test.sh [BUILD_DIR]
# Environment: KILLS (default 12), CHANGED_KILLS (default 6), ARTICLES (default 4000),
# SEED (default: random, printed).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
geokg="$build/tools/geokg"
bench="$build/tools/bench_store"
kills_wanted=${KILLS:-12}
changed_kills_wanted=${CHANGED_KILLS:-6}
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

# Checks a store that a finished ingest left against a reference: same_as_reference [DB [REF]]
# (default: crash.db against ref).
same_as_reference() {
  local db=${1:-crash.db} ref=${2:-ref}
  "$geokg" export --db "$work/$db" --format jsonl > "$work/got.jsonl"
  "$geokg" stats --db "$work/$db" --format json > "$work/got.stats"
  cmp -s "$work/$ref.stats" "$work/got.stats" || fail "$db: counts differ: $(tr -d ' \n' < "$work/got.stats")"
  cmp -s "$work/$ref.jsonl" "$work/got.jsonl" || fail "$db: facts differ from the uninterrupted ingest"
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
echo "crash_test: $kills kills in $rounds rounds, $((completions + 1)) resumed ingests equal to the reference"

# Changed articles: the first half of the ids again, with other text. Each kill must leave every
# article whole (old or new version), and resuming must end where an uninterrupted run does.
"$bench" articles $((articles / 2)) $((seed % 1000 + 2)) > "$work/changed.jsonl"
cp -r "$work/ref.db" "$work/ref-changed.db"
"$geokg" ingest "$work/changed.jsonl" --db "$work/ref-changed.db" --threads 2 2>/dev/null
"$geokg" export --db "$work/ref-changed.db" --format jsonl > "$work/ref-changed.jsonl"
"$geokg" stats --db "$work/ref-changed.db" --format json > "$work/ref-changed.stats"
cmp -s "$work/ref.jsonl" "$work/ref-changed.jsonl" && fail "the changed articles changed nothing"
rm -rf "$work/changed.db"
cp -r "$work/ref.db" "$work/changed.db"
kills=0 rounds=0 completions=0
while (( kills < changed_kills_wanted )); do
  (( ++rounds <= 20 * changed_kills_wanted )) || fail "only $kills kills of a changed-articles ingest in $rounds rounds"
  "$geokg" ingest "$work/changed.jsonl" --db "$work/changed.db" --threads 2 2>"$work/ingest.err" &
  pid=$!
  sleep "0.$(printf '%03d' $((20 + RANDOM % 980)))"
  if kill -KILL "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    "$geokg" verify --db "$work/changed.db" > "$work/verify.out" 2>&1 ||
      fail "verify after kill $kills of a changed-articles ingest: $(head -5 "$work/verify.out")"
    "$geokg" export --db "$work/changed.db" --format jsonl > "$work/got.jsonl"
    state="partly replaced"
    cmp -s "$work/got.jsonl" "$work/ref.jsonl" && state="none replaced yet"
    cmp -s "$work/got.jsonl" "$work/ref-changed.jsonl" && state="all replaced"
    echo "crash_test: changed articles, round $rounds, kill $kills: store verified, $state"
  else
    wait "$pid" || fail "ingest of changed articles failed: $(cat "$work/ingest.err")"
    same_as_reference changed.db ref-changed
    completions=$((completions + 1))
    rm -rf "$work/changed.db"  # start over from the old versions, so that later kills land mid-ingest
    cp -r "$work/ref.db" "$work/changed.db"
  fi
done
"$geokg" ingest "$work/changed.jsonl" --db "$work/changed.db" --threads 2 2>/dev/null
"$geokg" verify --db "$work/changed.db" > /dev/null || fail "verify after the final resume of changed articles"
same_as_reference changed.db ref-changed
echo "crash_test: passed; changed articles: $kills kills in $rounds rounds, $((completions + 1)) resumed ingests equal to the reference"

# SIGKILL while the link view is being saved (store/link_view.h): it is rebuilt when an ingest
# that changed facts closes, written to link-view.tmp-PID and renamed into place. Killed in
# between, the ingest leaves every article written and the view of the state before, plus a cut
# temporary file. Readers must not use that view (same ranking and communities as the
# reference), verify must pass, and the next writer must remove the temporary file.
graph_answers() {
  "$geokg" rank --by pagerank --top 50 --db "$work/$1" --format jsonl
  "$geokg" communities --method components --db "$work/$1" --format jsonl
  "$geokg" neighbors "$(sed -n 's/.*"entity": *"\([^"]*\)".*/\1/p' "$work/ref-rank.jsonl" | head -1)" --depth 2 --db "$work/$1" --format jsonl
}
"$geokg" rank --by pagerank --top 1 --db "$work/ref-changed.db" --format jsonl > "$work/ref-rank.jsonl"
graph_answers ref-changed.db > "$work/ref-graph.jsonl"
caught=0 rounds=0
while (( caught == 0 )); do
  (( ++rounds <= 40 )) || fail "no ingest killed while saving its link view in $rounds rounds"
  rm -rf "$work/view.db"
  cp -r "$work/ref.db" "$work/view.db"
  "$geokg" ingest "$work/changed.jsonl" --db "$work/view.db" --threads 2 2>"$work/ingest.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if compgen -G "$work/view.db/link-view.tmp-*" > /dev/null; then
      kill -KILL "$pid" 2>/dev/null && caught=1
      break
    fi
  done
  wait "$pid" 2>/dev/null || true
  (( caught )) && ! compgen -G "$work/view.db/link-view.tmp-*" > /dev/null && caught=0  # renamed just before the kill
done
"$geokg" verify --db "$work/view.db" > "$work/verify.out" 2>&1 || fail "verify after a kill while saving the link view: $(head -5 "$work/verify.out")"
graph_answers view.db > "$work/got-graph.jsonl"
cmp -s "$work/ref-graph.jsonl" "$work/got-graph.jsonl" || fail "after a kill while saving the link view, graph answers differ"
"$geokg" ingest "$work/changed.jsonl" --db "$work/view.db" --threads 2 2>/dev/null
compgen -G "$work/view.db/link-view.tmp-*" > /dev/null && fail "the next writer left the killed one's temporary view"
graph_answers view.db > "$work/got-graph.jsonl"
cmp -s "$work/ref-graph.jsonl" "$work/got-graph.jsonl" || fail "after the next writer, graph answers differ"
"$geokg" verify --db "$work/view.db" > /dev/null || fail "verify after the next writer"
echo "crash_test: killed while saving the link view (round $rounds): stale view ignored, answers equal, next writer cleaned up"
