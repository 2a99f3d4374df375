#!/usr/bin/env bash
# Installs the Debian packages geokg needs to build, test and draw diagrams (as root on Debian
# bookworm), then configures and builds it in Release into build/ (not with --no-build, which
# the fuzz and sanitizer scripts use). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and libclang-rt-14-dev (the libFuzzer runtime) serve tools/fuzz.sh; libutf8proc-dev folds
# names (case, diacritics) so that one person spelt two ways is one entity (graph/fold.h);
# python3-dask and python3-distributed serve tools/distributed/dask_ingest.py; libgumbo-dev and
# pkg-config read saved web pages with an HTML5 parser (extract/internal/web_page.h).
packages=(g++ cmake ninja-build librocksdb-dev libzstd-dev nlohmann-json3-dev libboost-graph-dev libcli11-dev catch2
          graphviz python3 python3-networkx python3-pandas raptor2-utils clang libclang-rt-14-dev libutf8proc-dev
          python3-dask python3-distributed libgumbo-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ "${1:-}" = --no-build ] && exit 0
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
