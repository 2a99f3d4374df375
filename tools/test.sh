#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (Catch2 through CTest).
# Exits non-zero on any failure. Tests that need ../shared skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cd build
ctest --output-on-failure -j "$(nproc)"
