#!/usr/bin/env python3
"""Check the data files under data/ (schema in data/SCHEMA.md).

usage: python3 scripts/check-data.py [DATA_DIR]

Reads the YAML subset the data files use (a mapping of scalars and of sequences of
flat mappings; strings double-quoted; flow sequences of strings) and checks:
  - header and entry keys are the schema's, with the required ones present;
  - every entry has a non-empty source and a year <= 2026;
  - names, ids, codes and aliases are unique within an edition and section, compared
    ignoring case (spellings that differ only in punctuation are allowed: lookup
    prefers the exact spelling);
  - a region's location exists in its edition (or in the co2calc edition), an
    instance's hardware exists likewise;
  - power 1-2000 W, intensity 0-1500 g/kWh, PUE 1.0-3.0, offset 0-100; threads at least
    cores, power_max_w at least power_w, an estimate with a note;
  - the figures the reference tables are known to hold.
Exits 1 on any error. Python 3 standard library only.
"""

import collections
import json
import os
import re
import sys

MAX_YEAR = 2026
HEADER = {"schema", "edition", "edition_date", "title", "source", "year", "license"}
SECTIONS = {
    "hardware": ({"name", "kind", "power_w", "power_type", "source", "year"},
                 {"cores", "threads", "power_max_w", "power_per_core_w", "memory_gb", "aliases",
                  "note", "uncertain"}),
    "providers": ({"id", "name", "source", "year"},
                  {"pue", "pue_low", "pue_high", "pue_source", "pue_year", "offset_percent",
                   "renewable_match_percent", "renewable_match_source", "renewable_match_year"}),
    "regions": ({"id", "source", "year"},
                {"name", "location", "intensity_g_per_kwh", "pue", "pue_low", "pue_high",
                 "pue_source", "pue_year", "offset_percent", "aliases", "cfe_percent",
                 "cfe_source", "cfe_year"}),
    "locations": ({"code", "name", "intensity_g_per_kwh", "source", "year"},
                  {"aliases", "previous_intensity_g_per_kwh", "previous_year",
                   "previous_source"}),
    "instances": ({"id", "hardware", "count", "source", "year"},
                  {"vcpus", "memory_gb", "host_cpu", "host_vcpus", "watts_source", "watts_year",
                   "note"} | {"%s_w_%s" % (p, l) for p in ("package", "ram")
                             for l in ("idle", "10", "50", "100")}),
    "constants": ({"name", "value", "unit", "source", "year"}, set()),
    "equivalents": ({"id", "label", "unit", "kg_per_unit", "source", "year"},
                    {"decimals", "significant", "note"}),
}
KEYFIELD = {"hardware": "name", "providers": "id", "regions": "id", "locations": "code",
            "instances": "id", "constants": "name", "equivalents": "id"}
# Keys that came with schema 1.1: a file using one must say schema "1.1".
SCHEMA_1_1_KEYS = {"pue_low", "pue_high", "previous_intensity_g_per_kwh", "previous_year",
                   "previous_source"}
# Keys that came with schema 1.2 (the market-based figure): a file using one says "1.2".
SCHEMA_1_2_KEYS = {"cfe_percent", "cfe_source", "cfe_year", "renewable_match_percent",
                   "renewable_match_source", "renewable_match_year"}
# A share of the market-based method: (percentage, source, year), all three or none.
SHARES = (("cfe_percent", "cfe_source", "cfe_year"),
          ("renewable_match_percent", "renewable_match_source", "renewable_match_year"))
# A location's source must name where to find it: a URL, or a citation of a publisher's
# report (a title and year at least).
URL = re.compile(r"https?://")
KINDS = {"gpu", "tpu", "cpu", "npu", "soc"}
POWER_TYPES = {"tdp", "measured-average", "board-power", "power-limit", "estimate"}
WATTS = ["%s_w_%s" % (p, l) for p in ("package", "ram") for l in ("idle", "10", "50", "100")]

errors = []


# Every constant the library reads (src/model/estimate.c), with the spreads of
# data/co2calc/uncertainty.yaml.
KNOWN_CONSTANTS = (
    "memory_w_per_gb", "pue_unknown", "pue_personal_computer",
    "power_tdp_low", "power_tdp_high", "power_tdp_util_low", "power_tdp_util_high",
    "power_measured_low", "power_measured_high", "host_overhead_high",
    "pue_unknown_low", "pue_unknown_high", "pue_cloud", "pue_cloud_low", "pue_cloud_high",
    "pue_operator_spread_low", "pue_operator_spread_high",
    "intensity_spread_low", "intensity_spread_high",
    "host_cpu_w_per_vcpu", "host_cpu_w_per_vcpu_low", "host_cpu_w_per_vcpu_high",
    # embodied carbon (src/model/embodied.c, data/co2calc/embodied.yaml)
    "embodied_lifetime_years", "embodied_use_share", "embodied_lifetime_years_low",
    "embodied_lifetime_years_high", "embodied_use_share_low", "embodied_use_share_high",
    "embodied_factor_low", "embodied_factor_high", "embodied_accelerator_kg",
    "embodied_host_kg", "embodied_host_devices", "embodied_cpu_host_kg",
    "embodied_cpu_host_sockets", "embodied_desktop_kg",
)
# Constants named after an entry, "PREFIX:NAME": NAME must be an entry of the section
# (in the co2calc edition), checked with the cross references below.
NAMED_CONSTANTS = {"embodied_kg": ("hardware", "name"),
                   "embodied_instance_kg": ("instances", "id"),
                   "residual_mix": ("locations", "code")}


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def norm(s):
    return re.sub(r"[^0-9a-z]", "", str(s).lower())


def scalar(text, where):
    t = text.strip()
    if t.startswith('"'):
        try:
            return json.loads(t)
        except ValueError:
            err(where, "bad double-quoted string: %s" % t)
            return t
    if t.startswith("["):
        try:
            v = json.loads(t)
        except ValueError:
            err(where, "bad flow sequence: %s" % t)
            return []
        if not all(isinstance(x, str) for x in v):
            err(where, "flow sequence of non-strings: %s" % t)
        return v
    t = re.sub(r"\s+#.*$", "", t)
    if t in ("true", "false"):
        return t == "true"
    if re.match(r"^-?[0-9]+$", t):
        return int(t)
    if re.match(r"^-?[0-9]*\.[0-9]+([eE][-+]?[0-9]+)?$|^-?[0-9]+[eE][-+]?[0-9]+$", t):
        return float(t)
    return t


def parse(path):
    doc = collections.OrderedDict()
    section = None
    entry = None
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            where = "%s:%d" % (path, no)
            if "\t" in line:
                err(where, "tab character")
            s = line.rstrip("\n")
            if not s.strip() or s.lstrip().startswith("#"):
                continue
            m = re.match(r"^([a-z_]+):\s*(.*)$", s)
            if m:
                key, rest = m.groups()
                if key in doc:
                    err(where, "duplicate key %s" % key)
                if rest == "":
                    doc[key] = []
                    section = key
                else:
                    doc[key] = scalar(rest, where)
                    section = None
                entry = None
                continue
            m = re.match(r"^  - ([a-z_0-9]+):\s*(.*)$", s)
            if m and section is not None:
                entry = collections.OrderedDict()
                entry["_line"] = where
                doc[section].append(entry)
                entry[m.group(1)] = scalar(m.group(2), where)
                continue
            m = re.match(r"^    ([a-z_0-9]+):\s*(.*)$", s)
            if m and entry is not None:
                if m.group(1) in entry:
                    err(where, "duplicate key %s" % m.group(1))
                entry[m.group(1)] = scalar(m.group(2), where)
                continue
            err(where, "line not understood: %r" % s)
    return doc


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_entry(sec, e, where):
    req, opt = SECTIONS[sec]
    for k in e:
        if k != "_line" and k not in req and k not in opt:
            err(where, "unknown key %s in %s" % (k, sec))
    for k in req:
        if k not in e:
            err(where, "missing %s" % k)
    src = e.get("source")
    if not isinstance(src, str) or not src.strip():
        err(where, "source must be a non-empty string")
    elif src != src.strip() or "  " in src:
        err(where, "stray whitespace in source")
    y = e.get("year")
    if not isinstance(y, int) or isinstance(y, bool) or not 1900 <= y <= MAX_YEAR:
        err(where, "bad year %r" % (y,))
    if sec == "constants" and not isinstance(e.get("unit"), str):
        err(where, "unit must be a string (empty for a ratio)")
    for k in ("name", "label", "note", "id", "code", "hardware", "location",
              "pue_source", "kind", "power_type"):
        if k in e and (not isinstance(e[k], str) or not e[k].strip()):
            err(where, "%s must be a non-empty string" % k)
        elif k in e and e[k] != e[k].strip():
            err(where, "stray whitespace in %s" % k)
    if "aliases" in e and not isinstance(e["aliases"], list):
        err(where, "aliases must be a flow sequence")
    if sec == "hardware":
        p = e.get("power_w")
        if not is_num(p) or not 1 <= p <= 2000:
            err(where, "power_w %r outside 1-2000 W" % (p,))
        if e.get("kind") not in KINDS:
            err(where, "bad kind %r" % e.get("kind"))
        if e.get("power_type") not in POWER_TYPES:
            err(where, "bad power_type %r" % e.get("power_type"))
        if "cores" in e and (not isinstance(e["cores"], int) or e["cores"] < 1):
            err(where, "bad cores %r" % e["cores"])
        if "threads" in e and (not isinstance(e["threads"], int) or
                               e["threads"] < e.get("cores", 1)):
            err(where, "bad threads %r (cores %r)" % (e["threads"], e.get("cores")))
        if "power_max_w" in e and (not is_num(e["power_max_w"]) or not is_num(p) or
                                   not p <= e["power_max_w"] <= 2000):
            err(where, "power_max_w %r not between power_w and 2000 W" % (e["power_max_w"],))
        if e.get("power_type") == "estimate" and "note" not in e:
            err(where, "an estimate without a note saying how it was made")
        for k in ("power_per_core_w", "memory_gb"):
            if k in e and (not is_num(e[k]) or e[k] <= 0):
                err(where, "bad %s %r" % (k, e[k]))
        if "uncertain" in e and not isinstance(e["uncertain"], bool):
            err(where, "uncertain must be true/false")
        if e.get("uncertain") and "note" not in e:
            err(where, "uncertain entry without a note")
        # An estimate is never a published figure: it says so and why; a power limit
        # (what nvidia-smi reports) says where it was read.
        if e.get("power_type") == "estimate" and (not e.get("uncertain") or "note" not in e):
            err(where, "power_type estimate needs uncertain: true and a note with the reasoning")
        if e.get("power_type") == "power-limit" and "note" not in e:
            err(where, "power_type power-limit needs a note")
        if e.get("power_type") == "tdp" and "note" in e and \
                re.search(r"\bestimate\b", e["note"], re.I) and \
                re.search(r"not (a|the)? ?(published|vendor)|publish(es|ed)? no", e["note"], re.I):
            err(where, "an estimate labelled tdp: use power_type estimate")
    if "intensity_g_per_kwh" in e:
        v = e["intensity_g_per_kwh"]
        if not is_num(v) or not 0 <= v <= 1500:
            err(where, "intensity %r outside 0-1500 g/kWh" % (v,))
    spread = [k for k in ("pue_low", "pue_high") if k in e]
    for k in ["pue"] + spread:
        if k not in e:
            continue
        v = e[k]
        if not is_num(v) or not 1.0 <= v <= 3.0:
            err(where, "%s %r outside 1.0-3.0" % (k, v))
    if "pue" in e or spread:
        if not e.get("pue_source") or not isinstance(e.get("pue_year"), int):
            err(where, "pue without pue_source/pue_year")
        elif e["pue_year"] > MAX_YEAR:
            err(where, "pue_year in the future")
        lo, mid, hi = e.get("pue_low"), e.get("pue"), e.get("pue_high")
        nums = [x for x in (lo, mid, hi) if is_num(x)]
        if nums != sorted(nums):
            err(where, "pue_low <= pue <= pue_high does not hold")
    elif "pue_source" in e or "pue_year" in e:
        err(where, "pue_source/pue_year without pue")
    prev = [k for k in ("previous_intensity_g_per_kwh", "previous_year", "previous_source")
            if k in e]
    if prev and len(prev) != 3:
        err(where, "previous_intensity_g_per_kwh, previous_year and previous_source go together")
    elif prev:
        v = e["previous_intensity_g_per_kwh"]
        if not is_num(v) or not 0 <= v <= 1500:
            err(where, "previous intensity %r outside 0-1500 g/kWh" % (v,))
        py = e["previous_year"]
        if not isinstance(py, int) or isinstance(py, bool) or not 1900 <= py <= e.get("year", 0):
            err(where, "previous_year %r not from 1900 to the entry's year" % (py,))
        if not isinstance(e["previous_source"], str) or not e["previous_source"].strip():
            err(where, "previous_source must be a non-empty string")
    if "offset_percent" in e:
        v = e["offset_percent"]
        if not is_num(v) or not 0 <= v <= 100:
            err(where, "offset_percent %r outside 0-100" % (v,))
    if sec == "regions" and "location" not in e and "intensity_g_per_kwh" not in e:
        err(where, "region with neither location nor intensity")
    if sec == "regions" and ":" not in e.get("id", ""):
        err(where, "region id must be provider:region")
    if sec == "instances":
        c = e.get("count")
        if not is_num(c) or c <= 0:
            err(where, "bad count %r" % (c,))
        for k in ("vcpus", "host_vcpus", "watts_year"):
            if k in e and (not isinstance(e[k], int) or isinstance(e[k], bool) or e[k] < 1):
                err(where, "bad %s %r" % (k, e[k]))
        if isinstance(e.get("vcpus"), int) and isinstance(e.get("host_vcpus"), int) \
                and e["host_vcpus"] < e["vcpus"]:
            err(where, "host_vcpus below the instance's vcpus")
        if "memory_gb" in e and (not is_num(e["memory_gb"]) or e["memory_gb"] <= 0):
            err(where, "bad memory_gb %r" % (e["memory_gb"],))
        for k in ("host_cpu", "watts_source"):
            if k in e and (not isinstance(e[k], str) or not e[k].strip()):
                err(where, "%s must be a non-empty string" % k)
        given = [k for k in WATTS if k in e]
        if given or "watts_source" in e or "watts_year" in e:
            if len(given) != len(WATTS) or "watts_source" not in e or "watts_year" not in e:
                err(where, "measured watts: all of %s with watts_source and watts_year" %
                    ", ".join(WATTS))
            if isinstance(e.get("watts_year"), int) and e["watts_year"] > MAX_YEAR:
                err(where, "watts_year in the future")
            for k in given:
                if not is_num(e[k]) or not 0 <= e[k] <= 5000:
                    err(where, "%s %r outside 0-5000 W" % (k, e[k]))
            # Watts rise with load.
            for p in ("package", "ram"):
                v = [e.get("%s_w_%s" % (p, l)) for l in ("idle", "10", "50", "100")]
                if all(is_num(x) for x in v) and v != sorted(v):
                    err(where, "%s watts do not rise with load: %r" % (p, v))
    for pct, src, year in SHARES:
        given = [k for k in (pct, src, year) if k in e]
        if given and len(given) != 3:
            err(where, "%s, %s and %s go together" % (pct, src, year))
        if pct in e and (not is_num(e[pct]) or not 0 <= e[pct] <= 100):
            err(where, "%s %r outside 0-100" % (pct, e[pct]))
        if isinstance(e.get(year), int) and e[year] > MAX_YEAR:
            err(where, "%s in the future" % year)
    if sec == "constants":
        if str(e.get("name")).startswith("residual_mix:") and is_num(e.get("value")) and not (
                0 < e["value"] <= 1500):
            err(where, "residual mix %r outside 0-1500 g/kWh" % e["value"])
        if not is_num(e.get("value")):
            err(where, "constant value must be a number")
        prefix = str(e.get("name")).split(":", 1)[0]
        if e.get("name") not in KNOWN_CONSTANTS and not (
                prefix in NAMED_CONSTANTS and ":" in str(e.get("name"))):
            err(where, "unknown constant %r" % e.get("name"))
        if str(e.get("name")).startswith("embodied") and is_num(e.get("value")) and (
                e["value"] < 0 or e["value"] > 100000):
            err(where, "embodied figure %r outside 0-100000" % e["value"])
    if sec == "equivalents":
        if not isinstance(e.get("unit"), str) or not e["unit"].strip():
            err(where, "unit must be a non-empty string")
        if ("decimals" in e) == ("significant" in e):
            err(where, "exactly one of decimals / significant")
        for k in ("decimals", "significant"):
            if k in e and (not isinstance(e[k], int) or e[k] < 0):
                err(where, "bad %s" % k)
        if not is_num(e.get("kg_per_unit")) or e["kg_per_unit"] <= 0:
            err(where, "bad kg_per_unit")


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    files = []
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(".yaml"):
                files.append(os.path.join(d, f))
    files.sort()
    editions = collections.defaultdict(lambda: collections.defaultdict(list))
    dates = {}
    for path in files:
        doc = parse(path)
        rel = os.path.relpath(path, root)
        for k in HEADER:
            if k not in doc:
                err(rel, "header: missing %s" % k)
        for k in doc:
            if k not in HEADER and k not in SECTIONS:
                err(rel, "unknown top-level key %s" % k)
        if doc.get("schema") not in ("1.0", "1.1", "1.2"):
            err(rel, "schema must be \"1.0\", \"1.1\" or \"1.2\"")
        uses = sorted({k for sec in SECTIONS for e in (doc.get(sec) or [])
                       if isinstance(e, dict) for k in e if k in SCHEMA_1_1_KEYS})
        if uses and doc.get("schema") not in ("1.1", "1.2"):
            err(rel, "uses %s (schema 1.1) but says schema %r" % (", ".join(uses),
                                                                 doc.get("schema")))
        uses = sorted({k for sec in SECTIONS for e in (doc.get(sec) or [])
                       if isinstance(e, dict) for k in e if k in SCHEMA_1_2_KEYS})
        if uses and doc.get("schema") != "1.2":
            err(rel, "uses %s (schema 1.2) but says schema %r" % (", ".join(uses),
                                                                 doc.get("schema")))
        ed = doc.get("edition")
        if os.path.basename(os.path.dirname(path)) != ed:
            err(rel, "edition %r does not match its directory" % ed)
        if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", str(doc.get("edition_date"))):
            err(rel, "bad edition_date")
        if dates.setdefault(ed, doc.get("edition_date")) != doc.get("edition_date"):
            err(rel, "edition_date differs between files of edition %s" % ed)
        if not isinstance(doc.get("year"), int) or doc["year"] > MAX_YEAR:
            err(rel, "header: bad year")
        for sec in SECTIONS:
            if sec in doc:
                if not isinstance(doc[sec], list) or not doc[sec]:
                    err(rel, "section %s empty or not a sequence" % sec)
                    continue
                for e in doc[sec]:
                    check_entry(sec, e, e["_line"])
                    e["_file"] = rel
                    editions[ed][sec].append(e)

    # uniqueness per edition and section
    for ed, secs in editions.items():
        for sec, entries in secs.items():
            seen = {}
            for e in entries:
                keys = [e.get(KEYFIELD[sec], "")] + list(e.get("aliases", []))
                if sec == "locations":
                    keys.append(e.get("name", ""))
                own = set()
                for i, k in enumerate(keys):
                    n = norm(k)
                    if not n:
                        err(e["_line"], "empty lookup key %r" % k)
                        continue
                    if n in own:
                        if sec == "locations" and i == len(keys) - 1:
                            continue  # a location's name may equal its own alias
                        err(e["_line"], "%r repeats another spelling of the same entry" % k)
                        continue
                    own.add(n)
                    # Spellings that differ only in punctuation ("me-central-1",
                    # "me-central1") are told apart by lookup; the same spelling
                    # (ignoring case) twice cannot be.
                    clash = [x for x in seen.get(n, []) if x[0].lower() == k.lower()]
                    if clash:
                        err(e["_line"], "%s %r collides with %r (%s)"
                            % (sec, k, clash[0][0], clash[0][1]))
                    seen.setdefault(n, []).append((k, e["_line"]))

    def names(ed, sec, field):
        return {e[field] for e in editions.get(ed, {}).get(sec, [])}

    # cross references
    for ed, secs in editions.items():
        locs = names(ed, "locations", "code") | names("co2calc", "locations", "code")
        hws = names(ed, "hardware", "name") | names("co2calc", "hardware", "name")
        provs = names(ed, "providers", "id") | names("co2calc", "providers", "id")
        for e in secs.get("regions", []):
            if "location" in e and e["location"] not in locs:
                err(e["_line"], "region %s: unknown location %s" % (e["id"], e["location"]))
            if e["id"].split(":")[0] not in provs:
                err(e["_line"], "region %s: unknown provider" % e["id"])
        for e in secs.get("instances", []):
            if e["hardware"] not in hws:
                err(e["_line"], "instance %s: unknown hardware %r" % (e["id"], e["hardware"]))
        for e in secs.get("constants", []):
            prefix, _, rest = str(e.get("name")).partition(":")
            if prefix in NAMED_CONSTANTS and rest:
                sec, field = NAMED_CONSTANTS[prefix]
                if rest not in names("co2calc", sec, field):
                    err(e["_line"], "constant %s: no %s entry %r in the co2calc edition"
                        % (e["name"], sec, rest))

    # reference figures
    def find(ed, sec, field, value):
        for e in editions.get(ed, {}).get(sec, []):
            if e.get(field) == value:
                return e
        return None

    def expect(ed, sec, field, key_value, **want):
        e = find(ed, sec, field, key_value)
        if e is None:
            err(ed, "missing %s %s" % (sec, key_value))
            return
        for k, v in want.items():
            if e.get(k) != v:
                err(ed, "%s %s: %s is %r, expected %r" % (sec, key_value, k, e.get(k), v))

    expect("mlco2-impact", "hardware", "name", "TPUv2 Chip", power_w=221,
           power_type="measured-average")
    expect("mlco2-impact", "hardware", "name", "TPUv3 Chip", power_w=283)
    expect("mlco2-impact", "regions", "id", "gcp:asia-east1", intensity_g_per_kwh=557)
    expect("green-algorithms-3.0", "hardware", "name", "TPU v2", power_w=280)
    expect("green-algorithms-3.0", "regions", "id", "gcp:asia-east1", location="TW", pue=1.13)
    expect("green-algorithms-3.0", "locations", "code", "TW", intensity_g_per_kwh=509)
    expect("green-algorithms-3.0", "constants", "name", "memory_w_per_gb", value=0.3725)
    expect("green-algorithms-3.0", "constants", "name", "pue_unknown", value=1.56)
    expect("green-algorithms-2.2", "constants", "name", "pue_unknown", value=1.67)
    expect("green-algorithms-3.0", "hardware", "name", "Any GPU", power_w=200)
    expect("co2calc", "locations", "code", "WORLD")
    # the CPU convention of SCHEMA.md: base TDP, the turbo figure beside it, TDP / cores
    expect("co2calc", "hardware", "name", "Intel Core i7-12700K", power_w=125, power_max_w=190,
           cores=12, threads=20, year=2021)
    expect("co2calc", "hardware", "name", "AMD Ryzen 9 3900X", power_w=105, cores=12)
    expect("green-algorithms-3.0", "hardware", "name", "Ryzen 9 3900X", power_per_core_w=10.4)
    for e in editions.get("co2calc", {}).get("hardware", []):
        if e.get("kind") == "cpu" and "cores" in e and "power_per_core_w" in e:
            err(e["_line"], "a co2calc CPU with cores counts TDP / cores: no power_per_core_w")

    # co2calc locations: every source says where to find it (a URL or a publisher's
    # citation with a year), and no two Nordic bidding zones share one figure (the
    # placeholder 18 g/kWh that CodeCarbon gives them all).
    for e in editions.get("co2calc", {}).get("locations", []):
        for k in ("source", "previous_source"):
            v = e.get(k)
            if isinstance(v, str) and not URL.search(v) and not re.search(r"(19|20)[0-9]{2}", v):
                err(e["_line"], "location %s: %s gives neither a URL nor a dated citation"
                    % (e.get("code"), k))
    nordic = collections.defaultdict(list)
    for e in editions.get("co2calc", {}).get("locations", []):
        if re.match(r"^(SE-SE|NO-NO|DK-DK)[0-9]$", str(e.get("code"))):
            nordic[e.get("intensity_g_per_kwh")].append(e["code"])
    # Two zones may measure the same (SE1 and SE2 both 15 g/kWh in 2025), each from its
    # own zone's figures; three alike, or a figure whose source is not the zone's own, is
    # the placeholder again.
    srcs = {e["code"]: e.get("source", "") for e in editions.get("co2calc", {}).get("locations", [])}
    for v, codes in nordic.items():
        own = all(c in srcs[c] for c in codes)
        if len(codes) > 2 or (len(codes) > 1 and not own):
            err("co2calc", "Nordic zones %s share the figure %r (a placeholder?)"
                % (", ".join(codes), v))

    # equivalents of ML CO2 Impact: 11.88 kg and 47.52 kg
    def fmt(kg, e):
        x = kg / e["kg_per_unit"]
        if "decimals" in e:
            return round(x, e["decimals"])
        from math import floor, log10
        return round(x, e["significant"] - 1 - floor(log10(abs(x)))) if x else 0

    want = {"car_km": (48, 192), "coal_kg": (5.95, 23.8), "tree_seedlings": (0.2, 0.79)}
    for eid, (a, b) in want.items():
        e = find("mlco2-impact", "equivalents", "id", eid)
        if e is None:
            err("mlco2-impact", "missing equivalent %s" % eid)
            continue
        got = (fmt(11.88, e), fmt(47.52, e))
        if abs(got[0] - a) > 1e-9 or abs(got[1] - b) > 1e-9:
            err("mlco2-impact", "equivalent %s gives %r, expected %r" % (eid, got, (a, b)))

    counts = []
    for ed in sorted(editions):
        counts.append("%s: %s" % (ed, ", ".join("%s %d" % (s, len(v))
                                                for s, v in sorted(editions[ed].items()))))
    print("\n".join(counts))
    for e in errors:
        print("error: " + e, file=sys.stderr)
    if errors:
        print("%d error(s)" % len(errors), file=sys.stderr)
        return 1
    print("ok: %d files" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
