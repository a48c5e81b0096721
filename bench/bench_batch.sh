#!/usr/bin/env bash
# Throughput and peak memory of `co2calc batch` on N runs in each input format (default
# 100000). A benchmark, not a test. Inputs go to ${TMPDIR:-/tmp}, never committed.
#   bench/bench_batch.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
command -v /usr/bin/time >/dev/null || bash scripts/deps.sh time
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCO2_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target co2calc >/dev/null
bin=build/bench/co2calc
tmp=${TMPDIR:-/tmp}
awk -v n="$n" 'BEGIN {
  print "name,hardware,count,hours,region,location,method" > "/dev/stdout"
  for (i = 1; i <= n; i++) {
    if (i % 3 == 0) printf "run%d,TPU v2,4,%d,gcp:asia-east1,,mlco2\n", i, i % 97 + 1
    else if (i % 3 == 1) printf "run%d,A100 SXM4 80GB,8,%d,,FR,\n", i, i % 89 + 1
    else printf "run%d,Tesla V100,2,%d,,US,green-algorithms\n", i, i % 13 + 1
  } }' >"$tmp/co2calc-batch-$n.csv"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) k[i] = $i; next }
  { printf "{"; sep = ""; for (i = 1; i <= NF; i++) if ($i != "") { v = $i; if (v !~ /^[0-9.]+$/) v = "\"" v "\""; printf "%s\"%s\": %s", sep, k[i], v; sep = ", " } print "}" }' \
  "$tmp/co2calc-batch-$n.csv" >"$tmp/co2calc-batch-$n.jsonl"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) k[i] = $i; next }
  { sep = "- "; for (i = 1; i <= NF; i++) if ($i != "") { printf "%s%s: %s\n", sep, k[i], $i; sep = "  " } }' \
  "$tmp/co2calc-batch-$n.csv" >"$tmp/co2calc-batch-$n.yaml"
echo "co2calc batch, $n runs, Release build, $(nproc) cores, $(uname -m)"
printf "%-8s %10s %12s %10s\n" input seconds "runs/s" "peak MB"
for ext in csv jsonl yaml; do
  f=$tmp/co2calc-batch-$n.$ext
  start=$(date +%s%N)
  "$bin" batch "$f" --format csv >"$tmp/co2calc-batch.out"
  end=$(date +%s%N)
  peak=$(/usr/bin/time -f %M "$bin" batch "$f" --format csv 2>&1 >"$tmp/co2calc-batch.out" | tail -1)
  awk -v e="$ext" -v n="$n" -v ns=$((end - start)) -v kb="$peak" \
    'BEGIN { s = ns / 1e9; printf "%-8s %10.3f %12.0f %10.1f\n", e, s, n / s, kb / 1024 }'
done
rm -f "$tmp/co2calc-batch.out"
