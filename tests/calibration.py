#!/usr/bin/python3
"""co2calc's ranges against training runs whose energy was measured.

For every run of tests/data/measured-runs.yaml, ask `co2calc estimate --format json` for the
run's stated inputs and compare the measured energy with the range co2calc prints, in the
run's measurement boundary:

  accelerator  the accelerators' energy: it_energy_kwh times the "device power" spread
               (no host, no PUE), with --pue 1;
  node         accelerators and host: energy_range_kwh with --pue 1;
  facility     node times the site's PUE: energy_range_kwh with --pue at the paper's figure.

Every `check` run (held out from choosing the spreads) must lie inside its range; `fit` runs
are shown too. Then the width of the CO2 range (high / low) in the cases docs/uncertainty.md quotes.

Usage: calibration.py CO2CALC [RUNS_YAML]        exit status 1 when a check run is outside
"""
import json
import os
import subprocess
import sys

try:
    import yaml
except ImportError:
    sys.exit("calibration: python3-yaml is missing (scripts/deps.sh installs it)")

HERE = os.path.dirname(os.path.abspath(__file__))


def estimate(co2calc, args):
    out = subprocess.run([co2calc, "estimate", *args, "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"calibration: co2calc estimate {' '.join(args)}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def run_args(run):
    pue = run["pue"] if run["boundary"] == "facility" else 1
    args = ["--hardware", run["hardware"], "--count", str(run["count"]),
            "--hours", repr(run["hours"]), "--pue", repr(pue)]
    if run.get("location"):
        args += ["--location", run["location"]]
    else:  # the energy does not depend on the place
        args += ["--intensity", "100"]
    return args


def band(run, d):
    """(low, central, high) kWh of the run's boundary, from co2calc's own output."""
    if run["boundary"] == "accelerator":
        dev = next((s for s in d["spreads"] if s["factor"] == "device power"), None)
        lo, hi = (dev["low"], dev["high"]) if dev else (1.0, 1.0)
        it = d["it_energy_kwh"]
        return it * lo, it, it * hi
    r = d["energy_range_kwh"]
    return r["low"], r["central"], r["high"]


def width(co2calc, args):
    r = estimate(co2calc, args)["co2_range_kg"]
    return r["high"] / r["low"]


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    co2calc = argv[1]
    path = argv[2] if len(argv) == 3 else os.path.join(HERE, "data", "measured-runs.yaml")
    runs = yaml.safe_load(open(path, encoding="utf-8"))["runs"]
    outside = []
    counts = {"fit": 0, "check": 0}
    print(f"{'run':48} {'role':5} {'boundary':11} {'measured':>10} {'low':>10} "
          f"{'central':>10} {'high':>10}  kWh")
    for run in runs:
        d = estimate(co2calc, run_args(run))
        lo, central, hi = band(run, d)
        m = run["measured_energy_kwh"]
        inside = lo <= m <= hi
        counts[run["role"]] += 1
        mark = "" if inside else "  OUTSIDE"
        print(f"{run['id']:48} {run['role']:5} {run['boundary']:11} {m:10.4g} {lo:10.4g} "
              f"{central:10.4g} {hi:10.4g}{mark}")
        if run["role"] == "check" and not inside:
            outside.append(run["id"])
    print(f"{counts['fit']} fit runs, {counts['check']} check runs; "
          f"{counts['check'] - len(outside)} of {counts['check']} check runs inside their range")
    base = ["--hardware", "V100 SXM2 32GB", "--count", "8", "--hours", "100"]
    cases = [
        ("chip, count, hours, location (the widest)", base + ["--location", "US"]),
        ("... and the cloud region", base[:6] + ["--region", "aws:us-east-1"]),
        ("... and utilization, location only", base + ["--utilization", "0.6", "--location", "US"]),
        ("TPU v3 (measured average), location only",
         ["--hardware", "TPU v3", "--count", "32", "--hours", "100", "--location", "US"]),
    ]
    for label, args in cases:
        print(f"CO2 high / low, {label}: {width(co2calc, args):.2f}")
    if width(co2calc, cases[2][1]) > 3:
        print("calibration: with the utilization declared the range must stay within a factor 3",
              file=sys.stderr)
        return 1
    if outside:
        print("calibration: check runs outside their range: " + ", ".join(outside),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
