#!/usr/bin/env bash
# CI guard of issue 18 (run by CTest as runtime_has_no_training): the geokg binary loads models
# and never makes or writes them, so none of its symbols may name training code
# (geokg_extract_train). The names must also occur in the training binaries, so that the list
# checks something; an optimised build may inline a few of them, so one found is enough.
# Usage: check_runtime_symbols.sh GEOKG TRAINING_BINARY... Exit 77 (skipped) without nm.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 GEOKG TRAINING_BINARY..." >&2
  exit 2
fi
if ! command -v nm > /dev/null; then
  echo "SKIP: nm is not installed (binutils, which g++ depends on)"
  exit 77
fi

# Training-only names (extended regular expressions over demangled geokg symbols): the learner,
# the trainers, pruning and averaging, the parser's oracle, and writing model files.
training=(
  'AveragedPerceptron'
  '[A-Za-z]+Trainer::'
  'PrunedWeights'
  'MeanWeights'
  'Projectivize'
  'OracleCost'
  'SupertagBank'
  'TrainLemmatizer'
  'TrainSyntaxModel'
  'SaveSyntaxModel'
  'SaveRelationModel'
  'WriteWeights'
  'WriteLemmatizer'
  'BinaryWriter'
  'CompressModel'
  'Codebook'
)

# The demangled geokg symbols of a binary (fails when nm does).
symbols() {
  local all
  all=$(nm -C "$1") || exit 1
  grep 'geokg::' <<< "$all" || true
}

runtime=$(symbols "$1")
shift
# A stripped or foreign binary would pass vacuously: ask for the symbols a working one has.
count=$(grep -c . <<< "$runtime" || true)
if [ "$count" -lt 1000 ] || ! grep -q 'geokg::extract::internal::FrozenWeights::Read' <<< "$runtime"; then
  echo "FAIL: the runtime binary has $count geokg symbols (expected 1000 or more, FrozenWeights::Read among them): is it stripped, or not geokg?"
  exit 1
fi
trainers=""
for binary in "$@"; do trainers+=$(symbols "$binary")$'\n'; done

status=0
present=0
for name in "${training[@]}"; do
  if grep -Eq -- "$name" <<< "$trainers"; then
    present=$((present + 1))
  else
    echo "note: '$name' is in no training binary ($*): inlined, or stale in this list"
  fi
  if found=$(grep -E -- "$name" <<< "$runtime"); then
    echo "FAIL: the runtime binary contains training code '$name':"
    head -5 <<< "$found"
    status=1
  fi
done
if [ "$present" -eq 0 ]; then
  echo "FAIL: none of the ${#training[@]} training names is in the training binaries ($*): the list checks nothing"
  status=1
fi
[ "$status" -eq 0 ] && echo "OK: $count geokg symbols in the runtime binary, none of ${#training[@]} training names ($present found in the training binaries)"
exit "$status"
