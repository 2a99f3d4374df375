#!/usr/bin/env bash
# The main job on the bundled example articles: install, build, ingest examples/ into a fresh
# store, print who met whom, and write the diagram to out/graph.dot (and out/graph.svg).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
geokg=build/tools/geokg
mkdir -p out
rm -rf out/demo.db
"$geokg" ingest examples/ --db out/demo.db
echo
"$geokg" met --db out/demo.db
"$geokg" export --format dot --db out/demo.db -o out/graph.dot
if command -v dot >/dev/null; then
  dot -Tsvg out/graph.dot -o out/graph.svg
  echo "diagram: out/graph.dot, out/graph.svg"
else
  echo "diagram: out/graph.dot (install graphviz for an SVG)"
fi
