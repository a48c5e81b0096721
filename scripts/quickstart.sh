#!/usr/bin/env bash
# From a fresh Debian machine: install what is missing, build, run the BERT-base estimate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCO2_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "built build/co2calc; the BERT-base estimate (Lacoste et al. 2019):"
echo
./build/co2calc estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2
