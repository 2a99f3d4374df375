#!/usr/bin/env bash
# Scores `geokg extract` on our development gold (tools/eval/dev_gold.jsonl: our own
# annotations of a few real articles from ../shared/data/news, by document id) and on the seed.
# Needs ../shared; prints the scorer's report. Usage: tools/eval/score_dev.sh [GEOKG_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
geokg=${1:-build/tools/geokg}
shared=../shared
if [ ! -d "$shared/data/news" ]; then
  echo "score_dev: skipped: $shared/data/news is absent" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$shared/data/news" tools/eval/dev_gold.jsonl > "$work/articles.jsonl" <<'PY'
import glob, json, sys
wanted = {json.loads(l)["doc"] for l in open(sys.argv[2]) if l.strip()}
for path in sorted(glob.glob(sys.argv[1] + "/*/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if json.loads(line)["id"] in wanted:
            sys.stdout.write(line)
PY
"$geokg" extract "$work/articles.jsonl" > "$work/dev.jsonl"
echo "== development set (tools/eval/dev_gold.jsonl)"
python3 "$shared/tools/score_triples.py" tools/eval/dev_gold.jsonl "$work/dev.jsonl"
"$geokg" extract "$shared/seeds/000_fa6316789514db15.txt" > "$work/seed.jsonl"
echo "== seed article (../shared/data/gold/seed.jsonl)"
python3 "$shared/tools/score_triples.py" "$shared/data/gold/seed.jsonl" "$work/seed.jsonl" | head -2
