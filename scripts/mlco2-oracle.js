#!/usr/bin/env node
// The ML CO2 Impact page's own arithmetic, run by JavaScript, as the oracle for
// `co2calc --method mlco2` (tests/model/check_mlco2_oracle.c reads what it writes).
//
//   node scripts/mlco2-oracle.js > tests/data/mlco2-oracle.csv
//
// Re-run it (and commit the table) when data/mlco2-impact/regions.yaml or hardware.yaml
// change. It needs node only (no packages). It reads the region and hardware rows of the
// mlco2-impact edition as co2calc loads them and computes what the page computes
// (mlco2/impact js/data.js and js/grayscale.js, setDetails):
//   impact = parseInt(impact, 10)                       g/kWh, 34.5 -> 34
//   energy = Number((watt * hours / 1000).toFixed(2))   kWh
//   kg     = Number((impact / 1000).toFixed(2))         kg/kWh
//   co2    = Number((energy * kg).toFixed(2))           kg
// toFixed rounds the exact binary value of the double: 221 W x 5 h = 1.105 kWh, stored as
// 1.10499999999999998..., gives 1.10; an exact tie (0.125) goes to the larger figure.
// The page has one kind of GPU and no count: its hours are the GPU-hours, and a row with
// count c and hours h stands for the page's hours c * h (as JavaScript multiplies them).
// Every region and every hardware row appears; then energy, intensity and emissions near
// ties and exact ties, and counts whose order of multiplication shows at the cent.
"use strict";
const fs = require("fs");
const path = require("path");

const dataDir = path.join(__dirname, "..", "data", "mlco2-impact");

// The generated YAML's rows: "  - key: "value"" starts one, "    field: value" follow.
function rows(file, section, key, field) {
  const text = fs.readFileSync(path.join(dataDir, file), "utf8");
  const out = [];
  let inSection = false, cur = null;
  for (const line of text.split("\n")) {
    if (/^\S/.test(line)) {
      inSection = line.startsWith(section + ":");
      continue;
    }
    if (!inSection) continue;
    let m = line.match(new RegExp("^  - " + key + ': "([^"]*)"$'));
    if (m) {
      cur = { name: m[1], value: null };
      out.push(cur);
      continue;
    }
    m = line.match(new RegExp("^    " + field + ": (\\S+)$"));
    if (m && cur) cur.value = m[1];
  }
  for (const r of out) {
    if (r.value === null) throw new Error(`${file}: ${r.name} has no ${field}`);
    if (/[",\n]/.test(r.name)) throw new Error(`${file}: ${r.name}: a name the CSV cannot hold`);
  }
  if (!out.length) throw new Error(`${file}: no ${section}`);
  return out;
}

const regions = rows("regions.yaml", "regions", "id", "intensity_g_per_kwh")
  .map(r => ({ id: r.name, text: r.value, impact: parseFloat(parseInt(r.value, 10)) }));
const hardware = rows("hardware.yaml", "hardware", "name", "power_w")
  .map(h => ({ name: h.name, watt: parseFloat(h.value) }));

const twoDigits = n => Number(Number(n).toFixed(2)); // the page's own helper

function page(watt, hours, impact) {
  const energy = twoDigits(watt * hours / 1000);
  const kg = twoDigits(impact / 1000);
  return { energy, kg, co2: twoDigits(energy * kg) };
}

// Where x sits against the two-decimal grid, on its exact binary value: "tie" when it is
// exactly halfway, "below"/"above" when a decimal halfway point is a hair away, else "".
function near(x) {
  const digits = Math.abs(x).toFixed(100);
  const rest = digits.slice(digits.indexOf(".") + 3);
  if (/^50*$/.test(rest)) return "tie";
  if (/^49999999/.test(rest)) return "below";
  if (/^50000000/.test(rest)) return "above";
  return "";
}

const out = [];
const seen = new Set();
function add(kind, hw, region, count, hours) {
  const key = [hw.name, region.id, count, hours].join("|");
  if (seen.has(key)) return false;
  seen.add(key);
  const pageHours = count * hours;
  const r = page(hw.watt, pageHours, region.impact);
  out.push([hw.name, region.id, count, hours, pageHours, hw.watt, region.impact,
            r.energy, r.kg, r.co2, kind]);
  return true;
}

const HOURS = [1, 96, 0.5, 2.5, 12.34, 100, 0.1, 7.77, 24, 1.5, 8760, 0.25, 33.3, 5, 168, 0.01,
               3.75, 720, 19.99, 48, 0.7, 1000, 2.2, 12, 0.333, 240, 6.66, 100000];

// Every region row, twice, and every hardware row, twice: hardware and hours in turn.
regions.forEach((rg, i) => {
  add("region", hardware[i % hardware.length], rg, 1, HOURS[i % HOURS.length]);
  add("region", hardware[(i * 5 + 3) % hardware.length], rg, 1, HOURS[(i + 11) % HOURS.length]);
});
hardware.forEach((hw, j) => {
  add("hardware", hw, regions[(j * 7) % regions.length], 1, HOURS[(j + 5) % HOURS.length]);
  add("hardware", hw, regions[(j * 13 + 2) % regions.length], 1, HOURS[(j + 17) % HOURS.length]);
});

// Hours to search: whole hours, quarters and hundredths.
const CANDIDATES = [];
for (let k = 1; k <= 400; k++) CANDIDATES.push(k);
for (let k = 1; k <= 400; k++) if (k % 4) CANDIDATES.push(k / 4);
for (let k = 1; k <= 3000; k++) if (k % 25) CANDIDATES.push(k / 100);

// The energy at a tie or a hair from one, for each hardware row: one of each kind found.
hardware.forEach((hw, j) => {
  const want = new Set(["tie", "below", "above"]);
  for (const h of CANDIDATES) {
    const n = near(hw.watt * h / 1000);
    if (want.has(n)) {
      want.delete(n);
      add("energy-" + n, hw, regions[(j * 11 + 5) % regions.length], 1, h);
    }
    if (!want.size) break;
  }
});

// The kg/kWh a hair from a tie is the region's own (205 g: 0.205 -> 0.2), in the rows
// above; here the emissions at a tie or a hair from one, for each region.
regions.forEach((rg, i) => {
  const hw = hardware[(i * 3 + 1) % hardware.length];
  const want = new Set(["tie", "below", "above"]);
  for (const h of CANDIDATES) {
    const r = page(hw.watt, h, rg.impact);
    const n = near(r.energy * r.kg);
    if (want.has(n)) {
      want.delete(n);
      add("co2-" + n, hw, rg, 1, h);
    }
    if (!want.size) break;
  }
});

// Counts: BERT-base (Lacoste et al. 2019), and counts where W x (count x hours) and
// (count x W) x hours round to different cents.
const tpu2 = hardware.find(h => h.name === "TPUv2 Chip");
const taiwan = regions.find(r => r.id === "gcp:asia-east1");
if (!tpu2 || !taiwan) throw new Error("no TPUv2 Chip or gcp:asia-east1 in the data");
add("bert-base", tpu2, taiwan, 4, 96);
add("bert-base", tpu2, taiwan, 1, 96);
let orders = 0;
for (let c = 2; c <= 16 && orders < 12; c++) {
  for (const hw of hardware) {
    const h = CANDIDATES.find(h => h < 100 && h % 1 &&
      twoDigits(hw.watt * (c * h) / 1000) !== twoDigits((c * hw.watt) * h / 1000));
    if (h !== undefined) {
      add("count-order", hw, regions[(orders * 17 + c) % regions.length], c, h);
      if (++orders % 2 === 0) break;
    }
  }
}

const lines = ["# Generated by scripts/mlco2-oracle.js: the ML CO2 Impact page's figures, computed by " +
               "node; do not edit.",
               "hardware,region,count,hours,page_hours,watts,impact_g_per_kwh,energy_kwh," +
               "kg_per_kwh,co2_kg,case"];
for (const r of out) lines.push(r.map(String).join(","));
process.stdout.write(lines.join("\n") + "\n");
process.stderr.write(`${out.length} cases, ${regions.length} regions, ${hardware.length} hardware\n`);
