#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each for SECONDS (default 60).
# New inputs go to the target's corpus under BUILD/corpus (seeded from
# tests/fuzz/corpus/TARGET); a crash stops the run and leaves crash-* in BUILD.
# Copy a crash into tests/fuzz/regressions/TARGET/ so the test suite replays it.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# CO2_FUZZ_BUILD: a build directory configured with CO2_BUILD_FUZZ=ON and built already
# (scripts/test.sh passes its sanitizer build); default build/fuzz, configured here.
# CO2_FUZZ_JOBS: targets run at once (default 1; scripts/test.sh runs nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}; shift || true
build=${CO2_FUZZ_BUILD:-build/fuzz}
jobs=${CO2_FUZZ_JOBS:-1}
if [ -z "${CO2_FUZZ_BUILD:-}" ]; then
  bash scripts/deps.sh clang libclang-rt-14-dev
  CC=clang cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCO2_BUILD_FUZZ=ON -DCO2_BUILD_TESTS=OFF >/dev/null
  cmake --build build/fuzz -j"$(nproc)" >/dev/null
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.c; do t=$(basename "$f" .c); targets+=("${t#fuzz_}"); done
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# One target: its own corpus and artifact prefix, so that targets can run side by side;
# its exit status goes to BUILD/TARGET.rc.
run_target() {
  local t=$1 work=$build/corpus/$1 rc=0
  mkdir -p "$work" "$build/artifacts/$t"
  cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  (cd "$build" && ./fuzz_"$t" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1 -artifact_prefix="artifacts/$t/" "corpus/$t" >"$t.log" 2>&1) || rc=$?
  echo "$rc" >"$build/$t.rc"
}

rm -rf "$build/artifacts"
failed=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  echo "== fuzz_$t for ${secs}s"
  rm -f "$build/$t.rc"
  run_target "$t" &
done
wait
for t in "${targets[@]}"; do
  rc=$(cat "$build/$t.rc" 2>/dev/null || echo "no status")
  echo "-- fuzz_$t: $(grep -E '^stat::number_of_executed_units' "$build/$t.log" | awk '{print $2}') runs, corpus $(ls "$build/corpus/$t" | wc -l) inputs"
  found=$(find "$build/artifacts/$t" -type f -print)
  if [ "$rc" != 0 ] || [ -n "$found" ]; then
    echo "fuzz_$t failed (exit $rc); log: $build/$t.log"; tail -30 "$build/$t.log"
    [ -n "$found" ] && { echo "copy the input to tests/fuzz/regressions/$t/ once fixed:"; echo "$found"; }
    failed+=("$t")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzzing found problems in: ${failed[*]}"; exit 1; }
echo "fuzzing done: no findings"
