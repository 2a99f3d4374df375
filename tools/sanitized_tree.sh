#!/usr/bin/env bash
# Configures build-asan/: clang, AddressSanitizer and UndefinedBehaviorSanitizer, libFuzzer's
# coverage instrumentation, the test suite and the fuzz targets. One tree serves both
# tools/sanitize.sh (the whole suite) and tools/fuzz.sh (the fuzz targets), so CI compiles the
# sanitized libraries once. Installs missing Debian packages first (tools/setup.sh --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --no-build
# Debug keeps assert() on, so broken REQUIREs fail too; -O1 -g1 keeps the build and the runs quick.
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DGEOKG_FUZZ=ON >/dev/null
