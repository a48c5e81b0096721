#!/usr/bin/python3
"""Check co2calc's proposed uncertainty spreads against measured training runs.

Reads tests/data/measured-runs.yaml (the runs) and the spreads block of
tests/data/measured-runs.md (between the 'spreads-begin' and 'spreads-end' markers), asks the
co2calc CLI for the central energy of each run from its stated inputs, and prints:

  1. every run's measured / co2calc-central energy ratio (PUE 1 for accelerator and node
     boundaries, the run's stated PUE for facility boundaries);
  2. for every run, the [low, high] band the range model gives for that boundary, and whether
     the ratio lies inside it (a CHECK run outside its band makes the script exit with 1);
  3. the range width (high/low) of the whole-emission CO2 estimate for a few input scenarios,
     the worst being "only chip, count, hours and location".

Spreads combine in log space: ln(high) = sqrt(sum ln(high_i)^2), ln(low) = -sqrt(sum ln(low_i)^2).

Usage: tests/data/measured-runs-check.py [--co2calc PATH] [--markdown]
"""
import argparse
import json
import math
import os
import subprocess
import sys

try:
    import yaml
except ImportError:  # Debian: apt-get install python3-yaml
    sys.exit("measured-runs-check: python3-yaml is missing (apt-get install python3-yaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_spreads(md_path):
    """The YAML block between the spreads markers of the .md file."""
    text = open(md_path, encoding="utf-8").read()
    begin, end = "<!-- spreads-begin -->", "<!-- spreads-end -->"
    if begin not in text or end not in text:
        sys.exit(f"measured-runs-check: no spreads block in {md_path}")
    block = text.split(begin, 1)[1].split(end, 1)[0]
    block = block.replace("```yaml", "").replace("```", "")
    return yaml.safe_load(block)["range_factors"]


def central_kwh(co2calc, run):
    pue = run["pue"] if run["boundary"] == "facility" else 1
    cmd = [co2calc, "estimate", "--hardware", run["hardware"], "--count", str(run["count"]),
           "--hours", repr(run["hours"]), "--pue", repr(pue), "--format", "json"]
    if run.get("location"):
        cmd += ["--location", run["location"]]
    else:  # co2calc needs a place; energy does not depend on it, so any intensity will do
        cmd += ["--intensity", "100"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"measured-runs-check: {' '.join(cmd)} failed: {out.stderr.strip()}")
    d = json.loads(out.stdout)
    return d["energy_kwh"], d["parts"][0]["unit_power_w"]


def combine(factors):
    """(low, high) of a list of (low, high) factors, ln half-widths summed in quadrature."""
    lo = math.sqrt(sum(math.log(f[0]) ** 2 for f in factors))
    hi = math.sqrt(sum(math.log(f[1]) ** 2 for f in factors))
    return math.exp(-lo), math.exp(hi)


def num(x):
    """Readable kWh: thousands separators above 1000, 4 significant digits below."""
    return f"{x:,.0f}" if x >= 1000 else f"{x:.4g}"


def pair(entry):
    return (entry["low"], entry["high"])


def band_factors(run, rf):
    """The factors that apply to a run's measured boundary (energy only: no grid intensity)."""
    fs = [("device/" + run["power_type"], pair(rf["device_power"][run["power_type"]]))]
    if run["boundary"] in ("node", "facility") and not run["power_includes_host"]:
        fs.append(("host", pair(rf["host_overhead"]["accelerators_declared_alone"])))
    if run["boundary"] == "facility":
        fs.append(("pue/declared", pair(rf["pue"]["declared"])))
    return fs


def scenarios(rf):
    """Whole-emission CO2 width for typical input sets."""
    dev, host = rf["device_power"], pair(rf["host_overhead"]["accelerators_declared_alone"])
    pue, grid = rf["pue"], pair(rf["grid_intensity"]["year_to_year"])
    loc = pair(pue["location_only"])
    return [
        ("tdp device, location only (worst case: chip, count, hours, location)",
         [pair(dev["tdp"]), host, loc, grid]),
        ("tdp device, location only, grid spread at its p90 instead of p75",
         [pair(dev["tdp"]), host, loc, pair(rf["grid_intensity"]["year_to_year_p90"])]),
        ("tdp device, provider gcp known (provider PUE range)",
         [pair(dev["tdp"]), host, pair(pue["provider"]["gcp"]), grid]),
        ("tdp device, PUE declared",
         [pair(dev["tdp"]), host, pair(pue["declared"]), grid]),
        ("measured-average device incl. host (TPU v2/v3), location only",
         [pair(dev["measured-average"]), loc, grid]),
        ("measured-average device incl. host, provider gcp known",
         [pair(dev["measured-average"]), pair(pue["provider"]["gcp"]), grid]),
    ]


def pct(values, p):
    v = sorted(values)
    k = (len(v) - 1) * p
    f = math.floor(k)
    c = min(f + 1, len(v) - 1)
    return v[f] + (v[c] - v[f]) * (k - f)


def grid_stats(ref):
    """Year-to-year spread of grid intensity (section 3d of the .md)."""
    import csv
    years = [2021, 2022, 2023, 2024, 2025]
    em = {y: json.load(open(os.path.join(ref, "electricity-maps", f"yearly_{y}.json"))) for y in years}

    def ci(y, z):
        return ((em[y].get(z) or {}).get("carbonIntensity") or {}).get("value")

    zones = [z for z in em[2023] if all(ci(y, z) for y in years)]
    sets = [
        ("|ln(CI_y/CI_2023)|, zones >= 50 g/kWh", [z for z in zones if min(ci(y, z) for y in years) >= 50], "vs2023"),
        ("|ln(CI_y+1/CI_y)|, zones >= 50 g/kWh", [z for z in zones if min(ci(y, z) for y in years) >= 50], "1y"),
        ("|ln(CI_y/CI_2023)|, all zones", zones, "vs2023"),
        ("|ln(CI_y/CI_2023)|, country zones", [z for z in zones if "-" not in z], "vs2023"),
    ]
    for name, zs, kind in sets:
        if kind == "vs2023":
            v = [abs(math.log(ci(y, z) / ci(2023, z))) for z in zs for y in years if y != 2023]
        else:
            v = [abs(math.log(ci(years[i + 1], z) / ci(years[i], z))) for z in zs for i in range(len(years) - 1)]
        print(f"{name:42} n={len(zs):3}  p50 {pct(v, .5):.3f}  p75 {pct(v, .75):.3f}  p90 {pct(v, .9):.3f}  p95 {pct(v, .95):.3f}")
    g = {}
    for y in (2021, 2022, 2023, 2024):
        for row in csv.DictReader(open(os.path.join(ref, "google-region-carbon", f"{y}.csv"))):
            col = [c for c in row if "carbon intensity" in c][0]
            try:
                g.setdefault(row["Google Cloud Region"], {})[y] = float(row[col])
            except ValueError:
                pass
    full = [r for r in g.values() if all(r.get(y, 0) > 0 for y in (2021, 2022, 2023, 2024))]
    v = [abs(math.log(r[y] / r[2023])) for r in full for y in (2021, 2022, 2024)]
    print(f"{'|ln(CI_y/CI_2023)|, Google Cloud regions':42} n={len(full):3}  p50 {pct(v, .5):.3f}  p75 {pct(v, .75):.3f}  p90 {pct(v, .9):.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--co2calc", default=os.path.join(ROOT, "build", "co2calc"))
    ap.add_argument("--runs", default=os.path.join(HERE, "measured-runs.yaml"))
    ap.add_argument("--spreads", default=os.path.join(HERE, "measured-runs.md"))
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--grid-stats", metavar="REFDIR", nargs="?", const="/work/shared/reference-data",
                    help="print the grid-intensity statistics of section 3d from the reference data and stop")
    a = ap.parse_args()
    if a.grid_stats:
        grid_stats(a.grid_stats)
        return 0

    runs = yaml.safe_load(open(a.runs, encoding="utf-8"))["runs"]
    rf = load_spreads(a.spreads)
    md = a.markdown

    rows, failures = [], []
    for r in runs:
        c, unit_w = central_kwh(a.co2calc, r)
        ratio = r["measured_energy_kwh"] / c
        fs = band_factors(r, rf)
        lo, hi = combine([f for _, f in fs])
        ok = lo <= ratio <= hi
        if r["role"] == "check" and not ok:
            failures.append(r["id"])
        rows.append((r, c, unit_w, ratio, fs, lo, hi, ok))

    if md:
        print("| id | role | boundary | hardware x count x hours | measured kWh | co2calc central kWh | PUE used | ratio |")
        print("|---|---|---|---|---:|---:|---:|---:|")
    else:
        print(f"{'id':46} {'role':5} {'boundary':11} {'measured kWh':>13} {'central kWh':>12} {'ratio':>6}")
    for r, c, unit_w, ratio, fs, lo, hi, ok in rows:
        pue = r["pue"] if r["boundary"] == "facility" else 1
        if md:
            hw = f"{r['hardware']} ({unit_w:g} W) x {r['count']} x {r['hours']:g} h"
            print(f"| {r['id']} | {r['role']} | {r['boundary']} | {hw} | {num(r['measured_energy_kwh'])} | {num(c)} | {pue:g} | {ratio:.3f} |")
        else:
            print(f"{r['id']:46} {r['role']:5} {r['boundary']:11} {r['measured_energy_kwh']:13.4g} {c:12.4g} {ratio:6.3f}")

    print()
    if md:
        print("| id | role | factors applied | band [low, high] | ratio | inside |")
        print("|---|---|---|---|---:|---|")
    for r, c, unit_w, ratio, fs, lo, hi, ok in rows:
        names = " x ".join(f"{n} [{f[0]:g}, {f[1]:g}]" for n, f in fs)
        mark = "yes" if ok else ("NO" if r["role"] == "check" else "no (fit)")
        if md:
            print(f"| {r['id']} | {r['role']} | {names} | [{lo:.3f}, {hi:.3f}] | {ratio:.3f} | {mark} |")
        else:
            print(f"{r['id']:46} {r['role']:5} [{lo:.3f}, {hi:.3f}] {ratio:6.3f} {mark}")

    print()
    if md:
        print("| inputs given | CO2 low x | CO2 high x | high/low |")
        print("|---|---:|---:|---:|")
    for name, fs in scenarios(rf):
        lo, hi = combine(fs)
        if md:
            print(f"| {name} | {lo:.3f} | {hi:.3f} | {hi / lo:.2f} |")
        else:
            print(f"{name:70} low {lo:.3f} high {hi:.3f} high/low {hi / lo:.2f}")

    n_check = sum(1 for r in runs if r["role"] == "check")
    print()
    print(f"{len(runs)} runs ({len(runs) - n_check} fit, {n_check} check); check runs inside their band:")
    print(f"{n_check - len(failures)} passed, {len(failures)} failed")
    if failures:
        print("check runs outside their band: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
