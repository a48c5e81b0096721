#!/usr/bin/env bash
# Whole-process time and peak memory of one `co2calc estimate` with all the built-in
# data (issue 3 target: under 5 ms and under 20 MB). A benchmark, not a test.
#   bench/bench_estimate.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
command -v /usr/bin/time >/dev/null || bash scripts/deps.sh time
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCO2_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target co2calc >/dev/null
bin=build/bench/co2calc
bench() {
  local label=$1; shift
  local start end peak
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$bin" "$@" >/dev/null; done
  end=$(date +%s%N)
  peak=$(/usr/bin/time -f %M "$bin" "$@" 2>&1 >/dev/null | tail -1)
  awk -v l="$label" -v ns=$((end - start)) -v n="$runs" -v kb="$peak" \
    'BEGIN { printf "%-44s %7.2f ms per process   peak RSS %5.1f MB\n", l, ns / n / 1e6, kb / 1024 }'
}
echo "co2calc estimate, $runs runs each, $(nproc) cores, $(uname -m)"
bench "mlco2 BERT-base (4 x TPU v2, gcp:asia-east1)" estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2
bench "default, nvidia-smi name + CPU + memory" estimate --hardware "NVIDIA A100-SXM4-80GB" --count 8 --hours 96 --cpu "AMD EPYC 7763 64-Core Processor" --cores 64 --memory 512 --region aws:us-east-1
bench "json, green-algorithms" estimate --hardware "NVIDIA Tesla V100" --count 2 --hours 10 --location FR --method green-algorithms --format json
bench "list hardware --format json (all entries)" list hardware --format json
