#!/usr/bin/env bash
# Throughput and peak memory of `co2calc sacct` on logs of 10 k, 100 k and 1 M jobs
# (issue 5 target for 1 M jobs: under 1 s on one core and under 32 MB). A benchmark,
# not a test: it prints figures and asserts nothing.
#   bench/bench_sacct.sh [SIZES...]        (default: 10000 100000 1000000)
# Logs are written once to ${TMPDIR:-/tmp}/co2calc-sacct-N.log and reused (never
# committed); the page cache is warmed before timing, so the figures are CPU-bound.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
command -v /usr/bin/time >/dev/null || bash scripts/deps.sh time
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCO2_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target co2calc >/dev/null
bin=build/bench/co2calc
cluster=tests/data/sacct/ga4hpc/cluster_info.yaml
tmp=${TMPDIR:-/tmp}
echo "co2calc sacct, Release build, $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//')"
printf "%9s %9s %10s %12s %10s %10s\n" jobs "log MB" "best s" "jobs/s" "MB/s" "peak MB"
for n in "${sizes[@]}"; do
  log=$tmp/co2calc-sacct-$n.log
  [ -s "$log" ] || bash bench/gen_sacct_log.sh "$n" "$log"
  bytes=$(wc -c <"$log")
  runs=5; [ "$n" -ge 1000000 ] && runs=3
  best=
  for ((i = 0; i < runs; i++)); do
    wc -c "$log" >/dev/null; cat "$log" | wc -c >/dev/null   # warm the page cache
    start=$(date +%s%N)
    "$bin" sacct "$log" --cluster "$cluster" --format json >"$tmp/co2calc-sacct-bench.out"
    end=$(date +%s%N)
    ns=$((end - start))
    if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
  done
  peak=$(/usr/bin/time -f %M "$bin" sacct "$log" --cluster "$cluster" --format json 2>&1 >"$tmp/co2calc-sacct-bench.out" | tail -1)
  awk -v n="$n" -v b="$bytes" -v ns="$best" -v kb="$peak" 'BEGIN {
    s = ns / 1e9; printf "%9d %9.1f %10.3f %12.0f %10.0f %10.1f\n", n, b / 1e6, s, n / s, b / 1e6 / s, kb / 1024 }'
done
rm -f "$tmp/co2calc-sacct-bench.out"
