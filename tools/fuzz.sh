#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang, ASan and UBSan in build-asan/ (the tree
# tools/sanitize.sh also uses: tools/sanitized_tree.sh), runs each for SECONDS (default 60) from
# its seed corpus (tests/fuzz/corpus/TARGET), and prints per target the executions and the
# coverage libFuzzer reached. A crash or a broken property fails the run; its input is kept as
# build-asan/fuzz/crashes/TARGET-crash-*. Usage: tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_reader fuzz_segmenter fuzz_extract fuzz_lexicon fuzz_key_codec)

tools/sanitized_tree.sh
cmake --build build-asan -j "$(nproc)" --target fuzz_targets

out=build-asan/fuzz
mkdir -p $out/crashes $out/logs
failed=0
printf '%-16s %12s %10s %10s %8s  %s\n' target executions exec/s coverage features result
for t in "${targets[@]}"; do
  corpus=$out/corpus/$t  # grows during runs; the seeds in tests/ stay as written
  mkdir -p "$corpus"
  options=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/crashes/$t-"
           -max_len=65536 -rss_limit_mb=2048 -timeout=10)
  [ -f "tests/fuzz/$t.dict" ] && options+=(-dict="tests/fuzz/$t.dict")
  log=$out/logs/$t.log
  result=ok
  "build-asan/tests/fuzz/$t" "${options[@]}" "$corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1 || result=FAILED
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$( (grep -oE 'cov: [0-9]+' "$log" || true) | tail -1 | cut -d' ' -f2)
  ft=$( (grep -oE 'ft: [0-9]+' "$log" || true) | tail -1 | cut -d' ' -f2)
  printf '%-16s %12s %10s %10s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result"
  if [ "$result" != ok ]; then
    failed=1
    tail -40 "$log" >&2
  fi
done
exit $failed
