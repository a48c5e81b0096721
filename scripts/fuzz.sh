#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each for SECONDS (default 60).
# New inputs go to the target's corpus under build/fuzz/corpus (seeded from
# tests/fuzz/corpus/TARGET); a crash stops the run and leaves crash-* in build/fuzz.
# Copy a crash into tests/fuzz/regressions/TARGET/ so the test suite replays it.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}; shift || true
bash scripts/deps.sh clang libclang-rt-14-dev
CC=clang cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCO2_BUILD_FUZZ=ON -DCO2_BUILD_TESTS=OFF >/dev/null
cmake --build build/fuzz -j"$(nproc)" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.c; do t=$(basename "$f" .c); targets+=("${t#fuzz_}"); done
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in "${targets[@]}"; do
  work=build/fuzz/corpus/$t
  mkdir -p "$work"
  cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  echo "== fuzz_$t for ${secs}s"
  rc=0
  (cd build/fuzz && ./fuzz_"$t" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1 "corpus/$t" >"$t.log" 2>&1) || rc=$?
  grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|Done)" "build/fuzz/$t.log" || true
  found=$(find build/fuzz -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -print)
  if [ "$rc" != 0 ] || [ -n "$found" ]; then
    echo "fuzz_$t failed (exit $rc); log: build/fuzz/$t.log"; tail -30 "build/fuzz/$t.log"
    [ -n "$found" ] && { echo "copy the input to tests/fuzz/regressions/$t/ once fixed:"; echo "$found"; }
    exit 1
  fi
  echo "corpus: $(ls "$work" | wc -l) inputs"
done
echo "fuzzing done: no findings"
