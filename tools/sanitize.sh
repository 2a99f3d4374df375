#!/usr/bin/env bash
# Builds geokg and its whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/ (tools/sanitized_tree.sh) and runs it; any memory error, leak or undefined
# behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/sanitized_tree.sh
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-asan
ctest --output-on-failure -j "$(nproc)"
