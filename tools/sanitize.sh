#!/usr/bin/env bash
# Builds geokg and its whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/ and runs it; any memory error, leak or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --no-build
# Debug keeps assert() on, so broken REQUIRES fail too; -O1 -g1 keeps the build and the run quick.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DGEOKG_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-asan
ctest --output-on-failure -j "$(nproc)"
