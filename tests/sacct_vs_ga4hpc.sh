#!/usr/bin/env bash
# Live comparison of `co2calc sacct` with GreenAlgorithms4HPC's formula on fresh logs of
# several seeds, sizes and ReqMem styles (gen_sacct.py + ga4hpc_formula.py from the
# shared folder). Every total must agree within 0.01 %. Skips (exit 0) when the shared
# folder is absent, as on CI: the frozen logs in tests/data/sacct/ga4hpc are checked
# there by check_sacct instead.
#   tests/sacct_vs_ga4hpc.sh CO2CALC [SHARED_CLUSTER_DIR]
set -u
bin=${1:?usage: sacct_vs_ga4hpc.sh CO2CALC [SHARED_CLUSTER_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
shared=${2:-${CO2CALC_SHARED_CLUSTER:-$here/../../shared/cluster}}
if [ ! -f "$shared/gen_sacct.py" ] || [ ! -f "$shared/ga4hpc_formula.py" ] || ! command -v python3 >/dev/null; then
  echo "sacct_vs_ga4hpc: skipped (no $shared/gen_sacct.py, ga4hpc_formula.py or python3)"
  exit 0
fi
cluster=$shared/cluster_info.yaml
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; n=0; worst=0
# jobs seed style [custom success states]
while read -r jobs seed style custom; do
  [ -z "$jobs" ] && continue
  log=$tmp/$style-$seed-$jobs.log
  python3 "$shared/gen_sacct.py" --jobs "$jobs" --seed "$seed" --reqmem-style "$style" >"$log" || { echo "FAIL generating $log"; exit 1; }
  args=(); cargs=()
  if [ -n "${custom:-}" ]; then args=(--custom-success-states "$custom"); cargs=(--custom-success-states "$custom"); fi
  python3 "$shared/ga4hpc_formula.py" "$log" --cluster-info "$cluster" "${args[@]}" >"$tmp/want" || { echo "FAIL formula on $log"; exit 1; }
  "$bin" sacct "$log" --cluster "$cluster" --format json "${cargs[@]}" >"$tmp/got" || { echo "FAIL co2calc on $log"; fail=$((fail+1)); continue; }
  out=$(python3 - "$tmp/want" "$tmp/got" <<'PY'
import json, sys
want = dict(l.strip().split("=", 1) for l in open(sys.argv[1]) if "=" in l)
t = json.load(open(sys.argv[2]))["totals"]
pairs = {"n_jobs": t["jobs"], "n_success": t["jobs"] - t["jobs_failed"],
         "energy_kwh": t["energy_kwh"], "energy_cpu_kwh": t["energy_cpu_kwh"],
         "energy_gpu_kwh": t["energy_gpu_kwh"], "energy_memory_kwh": t["energy_memory_kwh"],
         "co2_kg": t["co2_kg"], "co2_failed_jobs_kg": t["co2_failed_kg"],
         "co2_memory_needed_only_kg": t["co2_rightsized_kg"],
         "cpu_hours_charged": t["cpu_hours"], "gpu_hours_charged": t["gpu_hours"],
         "cpu_time_used_hours": t["cpu_used_hours"], "gpu_time_used_hours": t["gpu_used_hours"],
         "wallclock_hours": t["wallclock_hours"], "memory_requested_gb": t["memory_requested_gb"],
         "memory_overallocation_factor_mean": t["memory_overallocation_daily_mean"]}
worst, bad = 0.0, []
for k, v in pairs.items():
    w = float(want[k])
    rel = abs(v - w) / abs(w) if w else abs(v)
    worst = max(worst, rel)
    if rel > 1e-4:
        bad.append("%s: co2calc %r, GA4HPC %r" % (k, v, w))
print("%.3g" % worst)
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
)
  rc=$?; n=$((n+1))
  rel=$(echo "$out" | head -1)
  worst=$(python3 -c "print(max($worst, $rel))")
  if [ $rc != 0 ]; then
    echo "FAIL $jobs jobs, seed $seed, $style ${custom:-}:"; echo "$out" | tail -n +2 | sed 's/^/  /'; fail=$((fail+1))
  else
    echo "ok   $jobs jobs, seed $seed, $style ${custom:+(custom: $custom)} max relative difference $rel"
  fi
done <<'RUNS'
500 101 modern
500 102 legacy
3000 103 modern
3000 104 legacy TIMEOUT
20000 105 modern
20000 106 legacy TIMEOUT,OUT_OF_MEMORY
RUNS
echo "sacct vs GreenAlgorithms4HPC: $((n-fail))/$n logs agree within 0.01 % (largest relative difference $worst)"
[ $fail = 0 ]
