#!/usr/bin/env bash
# CI test of tools/distributed/dask_ingest.py (run by CTest as dask_ingest; about 1 minute on 2
# busy cores with the shared corpora):
#   1. the wikinews and wcep corpora (../shared/data/news; our tests/data/store-articles.jsonl
#      when ../shared is absent) through `dask_ingest.py --local-workers 2` give the store a
#      plain `geokg ingest` of the same files gives: same `stats`, same sorted `export --format jsonl`;
#   2. a partition whose extraction fails once is retried, reported, and loaded;
#   3. one that always fails is reported with its file and lines, the rest is loaded, exit 1.
# Usage: test_dask_ingest.sh GEOKG_BINARY. Exit 77 (skipped) without python3-dask.
set -euo pipefail
geokg=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
dask_ingest=$source_dir/tools/distributed/dask_ingest.py
python=/usr/bin/python3  # Debian's, which python3-dask installs into

if ! "$python" -c 'import dask.distributed' 2>/dev/null; then
  echo "SKIP: python3-dask and python3-distributed are not installed (tools/setup.sh installs them)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shared=$source_dir/../shared/data/news
small=$source_dir/tests/data/store-articles.jsonl
if [ -f "$shared/wikinews/wikinews.jsonl" ] && [ -f "$shared/wcep/wcep.jsonl" ]; then
  corpus=("$shared/wikinews/wikinews.jsonl" "$shared/wcep/wcep.jsonl")
  partition_bytes=$((512 * 1024))
else
  echo "../shared is absent: using our $small"
  corpus=("$small")
  partition_bytes=300
fi

same_store() {  # same stats and same sorted export, or a diff and failure
  for db in "$1" "$2"; do
    "$geokg" stats --db "$db" --format json > "$db.stats"
    "$geokg" export --db "$db" --format jsonl | sort > "$db.export"
  done
  diff "$1.stats" "$2.stats"
  diff -q "$1.export" "$2.export"
  "$geokg" verify --db "$2" > /dev/null
}

echo "== ingest --threads 2 (reference) and dask_ingest.py --local-workers 2 of: ${corpus[*]}"
start=$(date +%s)
"$geokg" ingest --threads 2 --db "$work/ingest.db" "${corpus[@]}"
echo "ingest: $(($(date +%s) - start)) s"
start=$(date +%s)
"$python" "$dask_ingest" "${corpus[@]}" --db "$work/dask.db" --local-workers 2 --geokg "$geokg" \
  --partition-bytes "$partition_bytes"
echo "dask_ingest: $(($(date +%s) - start)) s"
same_store "$work/ingest.db" "$work/dask.db"
cat "$work/dask.db.stats"

# A geokg whose extract fails the first time it sees a partition holding "s-3" (the first call
# leaves a mark), or every time when ALWAYS is set.
flaky=$work/flaky-geokg
cat > "$flaky" <<EOF
#!/usr/bin/env bash
[ "\$1" = extract ] || exec "$geokg" "\$@"
input=\$(cat)
if grep -q '"id": *"s-3"' <<<"\$input"; then
  if [ -n "\${ALWAYS:-}" ] || mkdir "$work/failed-once" 2>/dev/null; then echo "geokg: simulated crash" >&2; exit 134; fi
fi
exec "$geokg" "\$@" <<<"\$input"
EOF
chmod +x "$flaky"
"$geokg" ingest --db "$work/small.db" "$small" 2>/dev/null

echo "== a partition failing once is retried"
"$python" "$dask_ingest" "$small" --db "$work/retried.db" --local-workers 2 --geokg "$flaky" \
  --partition-bytes 300 2> "$work/retried.err"
grep -q "store-articles.jsonl:[0-9]*-[0-9]*: geokg extract exited with 134: geokg: simulated crash; retrying (1 of 2)" \
  "$work/retried.err" || { cat "$work/retried.err"; exit 1; }
same_store "$work/small.db" "$work/retried.db"

echo "== a partition failing every time is reported, the others are loaded, exit 1"
if ALWAYS=1 "$python" "$dask_ingest" "$small" --db "$work/failed.db" --local-workers 2 --geokg "$flaky" \
  --partition-bytes 300 2> "$work/failed.err"; then
  echo "expected exit 1"; exit 1
fi
grep -q "not loaded: partition .*store-articles.jsonl:[0-9]*-[0-9]*: .*(after 3 attempts)" "$work/failed.err" \
  || { cat "$work/failed.err"; exit 1; }
documents=$("$geokg" stats --db "$work/failed.db" --format json | "$python" -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
[ "$documents" -gt 0 ] && [ "$documents" -lt 8 ] || { echo "expected some documents stored, got $documents"; exit 1; }
"$geokg" verify --db "$work/failed.db" > /dev/null
echo "dask_ingest: all checks passed"
