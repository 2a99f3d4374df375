#!/usr/bin/env bash
# Scores `geokg extract` on our own gold annotations of real articles from ../shared/data/news
# (document ids and triples only, no article text): tools/eval/dev_gold.jsonl, which the
# extractor was tuned on; tools/eval/heldout_gold.jsonl, annotated blind in session 1 and looked
# at since; tools/eval/heldout2_gold.jsonl, annotated blind in session 2 and not tuned on; then
# on the seed.
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
python3 - "$shared/data/news" tools/eval/dev_gold.jsonl tools/eval/heldout_gold.jsonl tools/eval/heldout2_gold.jsonl > "$work/articles.jsonl" <<'PY'
import glob, json, sys
wanted = {json.loads(l)["doc"] for gold in sys.argv[2:] for l in open(gold) if l.strip()}
for path in sorted(glob.glob(sys.argv[1] + "/*/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if json.loads(line)["id"] in wanted:
            sys.stdout.write(line)
PY
"$geokg" extract "$work/articles.jsonl" > "$work/system.jsonl"
for set in dev heldout heldout2; do
  echo "== $set set (tools/eval/${set}_gold.jsonl)"
  python3 "$shared/tools/score_triples.py" "tools/eval/${set}_gold.jsonl" "$work/system.jsonl"
done
"$geokg" extract "$shared/seeds/000_fa6316789514db15.txt" > "$work/seed.jsonl"
echo "== seed article (../shared/data/gold/seed.jsonl)"
python3 "$shared/tools/score_triples.py" "$shared/data/gold/seed.jsonl" "$work/seed.jsonl" | head -2
