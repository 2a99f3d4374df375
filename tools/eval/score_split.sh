#!/usr/bin/env bash
# Scores `geokg extract` on one split of our gold annotations (tools/eval/gold/SPLIT.jsonl: ids and
# triples, no article text; the split is fixed in tools/eval/gold/split.tsv) with the shared
# scorer, over the articles of ../shared/data/news. The test split is for the before/after
# figures only: never tune on it. For the test splits (test, test2, ...) only the summary lines are
# printed, so that scoring a blind split cannot show its errors; SHOW_ERRORS=1 prints them all,
# for a split that is no longer blind.
# Usage: tools/eval/score_split.sh train|dev|test|testN [GEOKG_BINARY] [EXTRACT OPTIONS...]
#   MIN_CONFIDENCE=X in the environment scores only triples at or above X; KEEP_OUTPUT=FILE keeps
#   the system's output there (for tools/eval/miss_categories.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
split=${1:?usage: score_split.sh train|dev|test [GEOKG_BINARY] [EXTRACT OPTIONS...]}
geokg=${2:-build/tools/geokg}
shift $(($# < 2 ? $# : 2))
shared=../shared
if [ ! -d "$shared/data/news" ]; then
  echo "score_split: skipped: $shared/data/news is absent" >&2
  exit 0
fi
gold=tools/eval/gold/$split.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$shared/data/news" "$gold" > "$work/articles.jsonl" <<'PY'
import glob, json, sys
wanted = {json.loads(l)["doc"] for l in open(sys.argv[2]) if l.strip()}
for path in sorted(glob.glob(sys.argv[1] + "/*/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if json.loads(line)["id"] in wanted:
            sys.stdout.write(line)
PY
"$geokg" extract "$@" "$work/articles.jsonl" > "$work/system.jsonl"
[ -z "${KEEP_OUTPUT:-}" ] || cp "$work/system.jsonl" "$KEEP_OUTPUT"
python3 "$shared/tools/score_triples.py" "$gold" "$work/system.jsonl" ${MIN_CONFIDENCE:+--min-confidence "$MIN_CONFIDENCE"} \
  > "$work/score.txt"
if [[ $split == test* && ${SHOW_ERRORS:-0} != 1 ]]; then
  grep -E '^(loose|strict) ' "$work/score.txt"
else
  cat "$work/score.txt"
fi
