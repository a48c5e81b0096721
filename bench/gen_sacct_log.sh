#!/usr/bin/env bash
# Write a Slurm sacct --parsable2 log of N jobs (job rows and their steps).
#   bench/gen_sacct_log.sh N OUT [SEED]
# With the shared generator (../shared/cluster/gen_sacct.py, or $CO2CALC_SHARED_CLUSTER)
# the log is its realistic, deterministic output. Without it (e.g. on CI), the 1000-job
# fixture tests/data/sacct/ga4hpc/modern-s15-1000.log is repeated with renumbered JobIDs
# until N jobs are written: same row shapes, so the same work per byte.
set -euo pipefail
n=${1:?usage: gen_sacct_log.sh N OUT [SEED]}; out=${2:?usage: gen_sacct_log.sh N OUT [SEED]}; seed=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${CO2CALC_SHARED_CLUSTER:-$root/../shared/cluster}
if [ -f "$shared/gen_sacct.py" ] && command -v python3 >/dev/null; then
  python3 "$shared/gen_sacct.py" --jobs "$n" --seed "$seed" >"$out"
  exit 0
fi
fixture=$root/tests/data/sacct/ga4hpc/modern-s15-1000.log
awk -F'|' -v OFS='|' -v want="$n" '
  NR == 1 { print; next }
  { rows[++nrows] = $0 }
  END {
    jobs = 0
    for (rep = 0; jobs < want; rep++) {
      for (i = 1; i <= nrows; i++) {
        $0 = rows[i]
        split($3, id, ".")
        if (id[2] == "") { if (jobs >= want) break; jobs++ }
        match(id[1], /^[0-9]+/)
        base = substr(id[1], 1, RLENGTH); rest = substr(id[1], RLENGTH + 1)   # "4140891", "_3"
        $3 = (rep * 10000000 + base) rest (id[2] == "" ? "" : "." id[2])
        print
      }
    }
  }' "$fixture" >"$out"
