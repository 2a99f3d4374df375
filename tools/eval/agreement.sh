#!/usr/bin/env bash
# Inter-annotator agreement on the test articles annotated twice: each annotator's required
# triples scored against the other's gold, with the shared scorer. Its F1 is the ceiling of any
# system's score on these articles. Needs ../shared (the scorer).
# Usage: tools/eval/agreement.sh [test|test2|...|test17]
#   test:  tools/eval/gold/second_annotator.jsonl against the same articles of test.jsonl
#   testN: tools/eval/gold/testN_second_annotator.jsonl against the same articles of testN.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
split=${1:-test}
case "$split" in
  test) second=tools/eval/gold/second_annotator.jsonl ;;
  test[2-9] | test[1-9][0-9]) second=tools/eval/gold/${split}_second_annotator.jsonl ;;
  *) echo "usage: tools/eval/agreement.sh [test|test2|...|test17]" >&2; exit 2 ;;
esac
scorer=../shared/tools/score_triples.py
if [ ! -f "$scorer" ]; then
  echo "agreement: skipped: $scorer is absent" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "tools/eval/gold/$split.jsonl" "$second" "$work" <<'PY'
import json, sys
first, second, work = sys.argv[1:]
docs = {json.loads(l)["doc"] for l in open(second) if l.strip()}
def as_system(lines, out):
    with open(out, "w") as f:
        for g in lines:
            if g.get("docs_only") or g["optional"]:
                continue
            f.write(json.dumps({"doc": g["doc"], "subject": {"name": g["s"][0]}, "relation": g["r"],
                                "object": {"name": g["o"][0]}, "modality": g["modality"]}) + "\n")
a = [json.loads(l) for l in open(first) if l.strip() and json.loads(l)["doc"] in docs]
b = [json.loads(l) for l in open(second) if l.strip()]
with open(work + "/first.jsonl", "w") as f:
    f.writelines(json.dumps(g) + "\n" for g in a)
as_system(a, work + "/first_system.jsonl")
as_system(b, work + "/second_system.jsonl")
print(f"{len(docs)} articles annotated twice", file=sys.stderr)
PY
echo "== second annotator scored against the first"
python3 "$scorer" "$work/first.jsonl" "$work/second_system.jsonl" | sed -n 1,2p
echo "== first annotator scored against the second"
python3 "$scorer" "$second" "$work/first_system.jsonl" | sed -n 1,2p
