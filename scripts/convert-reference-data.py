#!/usr/bin/env python3
"""Build co2calc's generated data files from the public reference tables.

usage: python3 scripts/convert-reference-data.py [REFERENCE_DIR]

REFERENCE_DIR defaults to /work/shared/reference-data (a copy of the tables of ML CO2
Impact, Green Algorithms and CodeCarbon, see its README). The script writes YAML files
under data/ (schema in data/SCHEMA.md). Only the figures (with their sources and years)
are taken from those tables. The output is deterministic: run it again with the same
input and the files come out byte for byte the same, so they can be committed.

Hand-curated files (data/co2calc/accelerators.yaml, data/co2calc/equivalents.yaml,
data/co2calc/instances.yaml, data/co2calc/embodied.yaml, data/mlco2-impact/equivalents.yaml)
are not written here; this script only reads the names in accelerators.yaml so that no
generated CPU entry takes one of them, and the instance types of instances.yaml to give
those Cloud Carbon Footprint covers a manufacturing figure (embodied-instances.yaml). It also reads
data/co2calc/cpus-curated.csv (hand-checked CPU figures) into cpus.yaml.

Python 3 standard library only.
"""

import csv
import collections
import decimal
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "data")
DEFAULT_REF = "/work/shared/reference-data"

SCHEMA_VERSION = "1.0"
SCHEMA_1_1_KEYS = ("pue_low", "pue_high", "previous_intensity_g_per_kwh", "previous_year",
                   "previous_source")
SCHEMA_1_2_KEYS = ("cfe_percent", "cfe_source", "cfe_year", "renewable_match_percent",
                   "renewable_match_source", "renewable_match_year")

MLCO2_URL = "https://github.com/mlco2/impact"
GA_URL = "https://github.com/GreenAlgorithms/green-algorithms-tool"
CC_URL = "https://github.com/mlco2/codecarbon"
GA_CREDIT = ("Green Algorithms data: Lannelongue, L., Grealey, J., Inouye, M., Green "
             "Algorithms: Quantifying the Carbon Footprint of Computation. Adv. Sci. 2021 "
             "(https://doi.org/10.1002/advs.202100707), CC-BY 4.0")

WARNINGS = []


def warn(msg):
    WARNINGS.append(msg)


# --------------------------------------------------------------------------------------
# text helpers

_WS = re.compile(r"[\s\u00a0\u200b\u200c\u200d\ufeff]+")


def clean(s):
    """Strip stray whitespace (incl. NBSP and zero-width spaces) and collapse runs."""
    if s is None:
        return ""
    return _WS.sub(" ", s).strip()


def norm(s):
    """Lookup key: lowercase, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", s.lower())


def num(s):
    """A number from a table cell, or None for empty / NaN / unparseable cells."""
    if s is None:
        return None
    if isinstance(s, (int, float)):
        f = float(s)
    else:
        t = clean(s)
        if t == "" or t.lower() in ("nan", "unk", "none", "n/a"):
            return None
        try:
            f = float(t)
        except ValueError:
            return None
    if f != f or f in (float("inf"), float("-inf")):
        return None
    return f


def plain(x):
    """int when integral, else the float; rounding noise removed."""
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    x = float(x)
    if x == int(x) and abs(x) < 1e15:
        return int(x)
    return float(repr(x))


_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-2][0-9])(?![0-9])")
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/([0-9]{2})([0-9]{2})\.[0-9]{4,5}", re.I)
MAX_YEAR = 2026


def years_in(text):
    out = [int(y) for y in _YEAR.findall(text or "")]
    for yy, _mm in _ARXIV.findall(text or ""):
        out.append(2000 + int(yy))
    return [y for y in out if y <= MAX_YEAR]


def data_year(text):
    """Year the figures are from, when the text says so explicitly."""
    t = text or ""
    m = re.search(r"data from (?:[A-Za-z]+ )?((?:19|20)[0-9]{2})", t, re.I)
    if m:
        return int(m.group(1))
    m = re.search(r"based on ((?:19|20)[0-9]{2}) (?:data|national)", t, re.I)
    if m:
        return int(m.group(1))
    m = re.search(r"using ((?:19|20)[0-9]{2})/([0-9]{2}) data", t, re.I)
    if m:
        return int(m.group(1)[:2] + m.group(2))
    return None


def year_from(text, default):
    """Explicit data year, else the newest year named in the text, else default."""
    y = data_year(text)
    if y:
        return y
    ys = years_in(text)
    return max(ys) if ys else default


# --------------------------------------------------------------------------------------
# YAML output (the subset the schema needs: mappings, sequences of mappings, flow
# sequences of strings; every string double-quoted)

def yq(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or 0x7F <= o < 0xA0 or ch in "\u2028\u2029\ufeff" or 0xD800 <= o < 0xE000:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def ynum(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    x = plain(x)
    if isinstance(x, int):
        return str(x)
    r = repr(x)
    if "e" in r or "E" in r:
        r = format(decimal.Decimal(r), "f")
    return r


def yval(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return ynum(v)
    if isinstance(v, str):
        return yq(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(yq(x) for x in v) + "]"
    raise TypeError(repr(v))


HEADER_KEYS = ["schema", "edition", "edition_date", "title", "source", "year", "license"]
ENTRY_KEYS = {
    "hardware": ["name", "kind", "power_w", "power_type", "power_max_w", "cores", "threads",
                 "power_per_core_w", "memory_gb", "aliases", "source", "year", "note",
                 "uncertain"],
    "providers": ["id", "name", "pue", "pue_low", "pue_high", "pue_source", "pue_year",
                  "offset_percent", "renewable_match_percent", "renewable_match_source",
                  "renewable_match_year", "source", "year"],
    "regions": ["id", "name", "location", "intensity_g_per_kwh", "pue", "pue_low", "pue_high",
                "pue_source", "pue_year", "offset_percent", "cfe_percent", "cfe_source",
                "cfe_year", "aliases", "source", "year"],
    "locations": ["code", "name", "aliases", "intensity_g_per_kwh", "source", "year",
                  "previous_intensity_g_per_kwh", "previous_year", "previous_source"],
    "instances": ["id", "hardware", "count", "source", "year"],
    "constants": ["name", "value", "unit", "source", "year"],
    "equivalents": ["id", "label", "unit", "kg_per_unit", "decimals", "significant",
                    "source", "year", "note"],
}


def write_yaml(path, comments, header, sections):
    """sections: list of (section_name, entries). Entries are dicts; a key '#' holds
    comment lines written above the entry."""
    lines = []
    for c in comments:
        lines.append(("# " + c).rstrip())
    # A file that uses a key of schema 1.1 says so (a 1.0 reader would reject the key).
    if any(e.get(k) is not None for _, es in sections for e in es for k in SCHEMA_1_2_KEYS):
        header = dict(header, schema="1.2")
    elif any(e.get(k) is not None for _, es in sections for e in es for k in SCHEMA_1_1_KEYS):
        header = dict(header, schema="1.1")
    for k in HEADER_KEYS:
        lines.append("%s: %s" % (k, yval(header[k])))
    for name, entries in sections:
        lines.append("")
        lines.append("%s:" % name)
        keys = ENTRY_KEYS[name]
        for e in entries:
            extra = set(e) - set(keys) - {"#"}
            if extra:
                raise SystemExit("internal: unknown keys %s in %s" % (sorted(extra), name))
            for c in e.get("#", []):
                lines.append(("  # " + c).rstrip())
            first = True
            for k in keys:
                if k not in e or e[k] is None or e[k] == [] or e[k] == "":
                    continue
                lines.append("%s%s: %s" % ("  - " if first else "    ", k, yval(e[k])))
                first = False
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return text


def header(edition, edition_date, title, source, license_, entries):
    years = [e["year"] for es in entries for e in es if isinstance(e.get("year"), int)]
    return {
        "schema": SCHEMA_VERSION, "edition": edition, "edition_date": edition_date,
        "title": title, "source": source, "year": max(years) if years else int(edition_date[:4]),
        "license": license_,
    }


# --------------------------------------------------------------------------------------
# reading tables

def read_csv(path, skip=0):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    rows = rows[skip:]
    hdr = [clean(h) for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not any(clean(c) for c in r):
            continue
        r = list(r) + [""] * (len(hdr) - len(r))
        out.append({h: r[i] for i, h in enumerate(hdr) if h})
    return out


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def most_common(values):
    c = collections.Counter(values)
    best = max(c.values())
    # deterministic tie-break: the value seen first
    for v in values:
        if c[v] == best:
            return v


def add_aliases(entry, candidates, taken):
    """Append candidate aliases whose lookup key is new for this entry and not taken by
    another entry; taken maps key -> owner name."""
    own = {norm(entry.get("name") or entry.get("code") or entry.get("id"))}
    own.update(norm(a) for a in entry.get("aliases", []))
    owner = entry.get("name") or entry.get("code") or entry.get("id")
    for a in candidates:
        a = clean(a)
        k = norm(a)
        if not k or k in own:
            continue
        if k in taken and taken[k] != owner:
            continue
        entry.setdefault("aliases", []).append(a)
        own.add(k)
        taken[k] = owner


def claim(entries, keyname):
    """Map lookup key -> owner for the names/codes/ids of entries."""
    taken = {}
    for e in entries:
        taken[norm(e[keyname])] = e[keyname]
        for a in e.get("aliases", []):
            taken[norm(a)] = e[keyname]
    return taken


# ======================================================================================
# ML CO2 Impact

MLCO2_DATE = "2026-03-09"
MLCO2_YEAR = 2019

# Rows added to gpus.csv after the 2019 tables: their figures cannot predate the
# product, so year = launch year of the product (the row itself names no year).
MLCO2_HW_YEAR = {
    "H100 SXM": 2022, "H100 NVL": 2023, "A100 PCIe 40/80GB": 2020, "A100 SXM4 80 GB": 2020,
    "A10G": 2021, "RTX 3080": 2020, "RTX 3080 TI": 2021, "RTX 3090": 2020, "RTX 4090": 2022,
    "RTX A5000": 2021, "RTX A6000": 2020, "L4": 2023, "L40S": 2023, "AMD EPYC 7763": 2021,
    "Intel Xeon Gold 5220": 2019, "AMD EPYC 7282": 2019, "AMD EPYC 7702": 2019,
}

# Other spellings (nvidia-smi product names, vendor names) for gpus.csv rows.
MLCO2_HW_ALIASES = {
    "H100 SXM": ["H100 SXM5", "NVIDIA H100 80GB HBM3"],
    "H100 NVL": ["NVIDIA H100 NVL"],
    "A100 PCIe 40/80GB": ["A100 PCIe 40GB", "A100 PCIe 80GB", "NVIDIA A100-PCIE-40GB",
                          "NVIDIA A100 80GB PCIe"],
    "A100 SXM4 80 GB": ["NVIDIA A100-SXM4-80GB"],
    "A10G": ["NVIDIA A10G"],
    "AMD RX480": ["Radeon RX 480"],
    "GTX 1080 Ti": ["GeForce GTX 1080 Ti"],
    "GTX 1080": ["GeForce GTX 1080"],
    "GTX 750": ["GeForce GTX 750"],
    "GTX TITAN X": ["GeForce GTX TITAN X"],
    "RTX 2080 Ti": ["GeForce RTX 2080 Ti"],
    "RTX 2080": ["GeForce RTX 2080"],
    "RTX 8000": ["Quadro RTX 8000"],
    "T4": ["Tesla T4"],
    "Tesla P100": ["Tesla P100-PCIE-16GB"],
    "TPUv2 Chip": ["TPU v2", "TPUv2", "tpu-v2", "Google TPU v2"],
    "TPUv3 Chip": ["TPU v3", "TPUv3", "tpu-v3", "Google TPU v3"],
    "RTX 3080": ["GeForce RTX 3080"],
    "RTX 3080 TI": ["GeForce RTX 3080 Ti"],
    "RTX 3090": ["GeForce RTX 3090"],
    "RTX 4090": ["GeForce RTX 4090"],
    "RTX A5000": ["NVIDIA RTX A5000"],
    "RTX A6000": ["NVIDIA RTX A6000"],
    "Intel Xeon E5-2699": ["Intel Xeon E5-2699 v3"],
    "Intel Xeon E5-2630v4": ["Intel Xeon E5-2630 v4"],
    "Intel Xeon E5-2650": ["Intel Xeon E5-2650 v4"],
    "L4": ["NVIDIA L4"],
    "L40S": ["NVIDIA L40S"],
}

MLCO2_HW_NOTES = {
    "GTX 750": "ML CO2 Impact lists 250 W, 1111 TFLOPS32 and 24 GB for this card; these "
               "figures are kept as published, they look wrong for a GeForce GTX 750 "
               "(about 55 W, 1 GB or 2 GB)",
    "Tesla V100-PCIE-16GB": "ML CO2 Impact's figure kept as published (NVIDIA's datasheet "
                            "gives 250 W for V100 PCIe and 300 W for V100 SXM2)",
    "Tesla V100-SXM2-16GB": "ML CO2 Impact's figure kept as published (NVIDIA's datasheet "
                            "gives 300 W for V100 SXM2)",
    "A100 PCIe 40/80GB": "one row for both memory sizes; 250 W is the 40GB card's TDP "
                         "(the 80GB PCIe card is 300 W); memory_gb is the smaller size",
    "Tesla K80": "K80 board power (two GK210 GPUs on one board; nvidia-smi shows each as "
                 "a GPU)",
}

# instances.csv: number of GPUs per instance type, and which V100 each p3 has.
MLCO2_INSTANCE_COUNT = {
    "p3.2xlarge": 1, "p3.8xlarge": 4, "p3.16xlarge": 8, "p3dn.24xlarge": 8,
    "p2.xlarge": 1, "p2.8xlarge": 8, "p2.16xlarge": 16,
    "g4dn.xlarge": 1, "g4dn.2xlarge": 1, "g4dn.4xlarge": 1, "g4dn.8xlarge": 1,
    "g4dn.16xlarge": 1, "g4dn.12xlarge": 4, "g4dn.metal": 8,
}
MLCO2_INSTANCE_HW = {  # instances.csv gpu column -> gpus.csv name
    ("Tesla V100", "p3dn.24xlarge"): "Tesla V100-SXM2-32GB",
    ("Tesla V100", None): "Tesla V100-SXM2-16GB",
    ("Tesla K80", None): "Tesla K80",
    ("T4", None): "T4",
}

# impact.csv sources that are a bare word: written out with what they refer to.
MLCO2_SHORT_SOURCES = {
    "eGRID": "eGRID 2016 (https://www.epa.gov/egrid)",
    "eGRID (seem to be in the SRMW grid)":
        "eGRID 2016 (https://www.epa.gov/egrid), SRMW subregion",
    "Hydro-Québec":
        "Hydro-Québec (https://www.sciencedirect.com/science/article/pii/S1364032120307206)",
    "electricitymap": "Electricity Maps (https://app.electricitymaps.com)",
    "Calculated from IESO": "Calculated from IESO data (https://www.ieso.ca)",
}


def mlco2_hardware(ref):
    rows = read_csv(os.path.join(ref, "mlco2-impact", "gpus.csv"))
    out = []
    for r in rows:
        name = clean(r["name"])
        kind = clean(r["type"]).lower()
        power = num(r["tdp_watts"])
        if power is None:
            warn("mlco2 gpus.csv: %s has no power, skipped" % name)
            continue
        src = clean(r["source"])
        if not src and clean(r.get("memory", "")).startswith("http"):
            # the A10G row has one cell too few: memory (24) and source sit one column
            # to the left of their headers
            src = clean(r["memory"])
            r = dict(r, memory=r["GFLOPS16/W"])
        e = {"name": name, "kind": kind, "power_w": plain(power),
             "power_type": "tdp", "memory_gb": None,
             "year": MLCO2_HW_YEAR.get(name, MLCO2_YEAR)}
        mem = num(r.get("memory"))
        if mem is not None:
            e["memory_gb"] = plain(mem)
        if kind == "tpu":
            e["power_type"] = "measured-average"
            m = re.search(r"https?://\S+", src)
            url = m.group(0) if m else src
            e["source"] = "Patterson et al. 2021, Carbon Emissions and Large Neural " \
                          "Network Training, %s" % url
            e["note"] = ("average measured power per chip from Patterson et al. 2021 "
                         "(arXiv:2104.10350), not TDP")
            e["year"] = year_from(src, MLCO2_YEAR)
        else:
            e["source"] = src if src.startswith("http") else \
                ("https://www." + src if src == "techpowerup.com" else src)
        if name in MLCO2_HW_NOTES:
            e["note"] = MLCO2_HW_NOTES[name]
        out.append(e)
    taken = claim(out, "name")
    for e in out:
        add_aliases(e, MLCO2_HW_ALIASES.get(e["name"], []), taken)
    return out


def mlco2_regions(ref):
    rows = read_csv(os.path.join(ref, "mlco2-impact", "impact.csv"))
    provs = collections.OrderedDict()
    for r in rows:
        p = clean(r["provider"])
        provs.setdefault(p, {"name": clean(r["providerName"]), "offsets": []})
        o = num(r["offsetRatio"])
        if o is not None:
            provs[p]["offsets"].append(plain(o))
    providers = []
    for p, v in provs.items():
        e = {"id": p, "name": v["name"],
             "source": "ML CO2 Impact impact.csv (%s)" % MLCO2_URL, "year": MLCO2_YEAR}
        if v["offsets"]:
            e["offset_percent"] = most_common(v["offsets"])
        providers.append(e)

    regions = []
    for r in rows:
        p = clean(r["provider"])
        code = clean(r["region"])
        comments = []
        if not code:
            # Scaleway's row has no region code; its Paris region is fr-par.
            if p == "scaleway" and clean(r["regionName"]) == "Paris":
                code = "fr-par"
                comments.append("impact.csv gives no region code for this row; Scaleway "
                                "calls its Paris region fr-par")
            else:
                warn("mlco2 impact.csv: row without region code skipped: %r" % r)
                continue
        name = clean(r["regionName"])
        if not name:
            place = [x.strip(" ,") for x in (clean(r["city"]), clean(r["state"])) if x.strip(" ,")]
            country = clean(r["country"])
            name = country + (" (%s)" % ", ".join(place) if place else "")
        src = clean(r["source"])
        comment = clean(r.get("comment", ""))
        if src in MLCO2_SHORT_SOURCES:
            src = MLCO2_SHORT_SOURCES[src]
        elif src == "100% carbon-free energy":
            src = "100%% carbon-free energy, as stated by the provider (%s)" % \
                clean(r["PUE source"])
        elif not src:
            src = "ML CO2 Impact impact.csv (%s), no source given" % MLCO2_URL
        year = year_from(src, MLCO2_YEAR)
        m = re.search(r"\b[a-z]{3}([0-9]{2})-[a-z]{3}([0-9]{2})\b", comment)
        if m:  # "average for oct21-oct22"
            year = 2000 + int(m.group(2))
            src += ", %s" % comment
        if comment and not m and comment != "Datacenter-specific":
            comments.append("impact.csv comment: " + comment)
        e = {"#": comments, "id": "%s:%s" % (p, code), "name": name,
             "intensity_g_per_kwh": plain(num(r["impact"])),
             "source": src, "year": year, "_code": code}
        o = num(r["offsetRatio"])
        if o is not None:
            e["offset_percent"] = plain(o)
        pue = num(r["PUE"])
        if pue is not None:
            e["pue"] = plain(pue)
            e["pue_source"] = clean(r["PUE source"])
            e["pue_year"] = MLCO2_YEAR
        regions.append(e)
    bare_alias(regions)
    return providers, regions


def bare_alias(regions):
    """Add the bare region code as alias where its lookup key is unique in the file."""
    keys = collections.Counter(norm(e["_code"]) for e in regions)
    ids = {norm(e["id"]) for e in regions}
    for e in regions:
        code = e.pop("_code")
        k = norm(code)
        if keys[k] == 1 and k not in ids:
            e.setdefault("aliases", []).append(code)


def mlco2_instances(ref, hardware):
    rows = read_csv(os.path.join(ref, "mlco2-impact", "instances.csv"))
    names = {e["name"] for e in hardware}
    out = []
    for r in rows:
        iid = clean(r["id"])
        gpu = clean(r["gpu"])
        hw = MLCO2_INSTANCE_HW.get((gpu, iid)) or MLCO2_INSTANCE_HW.get((gpu, None))
        if hw not in names:
            raise SystemExit("mlco2 instance %s: no hardware %r" % (iid, hw))
        out.append({"id": "%s:%s" % (clean(r["provider"]), iid), "hardware": hw,
                    "count": MLCO2_INSTANCE_COUNT[iid], "source": clean(r["source"]),
                    "year": MLCO2_YEAR})
    return out


def mlco2_locations(ref):
    rows = read_csv(os.path.join(ref, "mlco2-impact", "2021-10-27yearly_averages.csv"))
    zones = collections.OrderedDict()
    for r in rows:
        zones.setdefault(clean(r["zone_key"]), []).append(r)
    out = []
    for code, rs in zones.items():
        rs = [r for r in rs if num(r["carbon_intensity_avg"]) is not None]
        if not rs:
            warn("mlco2 yearly averages: %s has no intensity in any year, skipped" % code)
            continue
        r = max(rs, key=lambda x: int(x["year"]))
        country, zone = clean(r["Country"]), clean(r["Zone Name"])
        name = "%s, %s" % (zone, country) if zone and zone != country else country
        out.append({"code": code, "name": name,
                    "intensity_g_per_kwh": plain(round(num(r["carbon_intensity_avg"]), 1)),
                    "source": "Electricity Maps yearly averages via ML CO2 Impact "
                              "(%s)" % MLCO2_URL,
                    "year": int(r["year"])})
    return out


def build_mlco2(ref):
    d = os.path.join(DATA, "mlco2-impact")
    ed = ("mlco2-impact", MLCO2_DATE)
    lic = "MIT"
    cm = ["Generated by scripts/convert-reference-data.py from ML CO2 Impact (Lacoste et al.",
          "2019, arXiv:1910.09700), %s commit d0d3ee5 (2026-03-09), MIT licence." % MLCO2_URL,
          "Do not edit by hand: fix the converter and re-run it."]
    hw = mlco2_hardware(ref)
    write_yaml(os.path.join(d, "hardware.yaml"), cm,
               header(*ed, "ML CO2 Impact hardware (gpus.csv)", MLCO2_URL, lic, [hw]),
               [("hardware", hw)])
    provs, regs = mlco2_regions(ref)
    write_yaml(os.path.join(d, "regions.yaml"), cm,
               header(*ed, "ML CO2 Impact cloud providers and regions (impact.csv)",
                      MLCO2_URL, lic, [provs, regs]),
               [("providers", provs), ("regions", regs)])
    inst = mlco2_instances(ref, hw)
    write_yaml(os.path.join(d, "instances.yaml"), cm,
               header(*ed, "ML CO2 Impact cloud instances (instances.csv)", MLCO2_URL, lic,
                      [inst]),
               [("instances", inst)])
    locs = common_location_aliases(mlco2_locations(ref))
    write_yaml(os.path.join(d, "locations.yaml"), cm,
               header(*ed, "Electricity Maps yearly averages shipped with ML CO2 Impact "
                      "(2021-10-27yearly_averages.csv)", MLCO2_URL, lic, [locs]),
               [("locations", locs)])
    return {"hardware": hw, "providers": provs, "regions": regs, "instances": inst,
            "locations": locs}


# ======================================================================================
# Green Algorithms

GA_DATE = "2025-02-05"
GA_EDITION_YEAR = {"3.0": 2024, "2.2": 2022}

GA_PROVIDER_IDS = {"gcp": "gcp", "aws": "aws", "azure": "azure", "OVHcloud": "ovh",
                   "Oracle": "oracle"}
GA_PROVIDER_NAMES = {"ovh": "OVHcloud", "oracle": "Oracle Cloud Infrastructure"}

# GA location codes are GA's own for a few entries; vendor words for CPU names.
GA_CPU_VENDOR = [
    (r"^(Xeon|Core|Celeron|Pentium|Atom)\b", "Intel "),
    (r"^(Ryzen|Athlon|EPYC|FX-|A[0-9]+-)", "AMD "),
]


def ga_read(ref, ver, name):
    return read_csv(os.path.join(ref, "green-algorithms", "v" + ver, name), skip=1)


def ga_cpu_vendor_name(model):
    if model.startswith("AMD ") and re.match(r"AMD [0-9]{4}$", model):
        return "AMD EPYC " + model[4:]
    for pat, vendor in GA_CPU_VENDOR:
        if re.match(pat, model):
            return vendor + model
    return None


def ga_hardware(ref, ver):
    ey = GA_EDITION_YEAR[ver]
    out = []
    for r in ga_read(ref, ver, "TDP_cpu.csv"):
        model = clean(r["model"])
        tdp = num(r["TDP"])
        if tdp is None:
            warn("GA v%s TDP_cpu.csv: %r has no TDP (per core %s W), skipped"
                 % (ver, model, clean(r["TDP_per_core"])))
            continue
        src = clean(r["source"])
        e = {"name": model, "kind": "cpu", "power_w": plain(tdp), "power_type": "tdp",
             "source": src, "year": year_from(src, ey)}
        cores = num(r["n_cores"])
        if cores is not None:
            e["cores"] = int(cores)
        ppc = clean(r["TDP_per_core"])
        if num(ppc) is not None:
            e["power_per_core_w"] = float(ppc) if "." in ppc else int(ppc)
        out.append(e)
    for r in ga_read(ref, ver, "TDP_gpu.csv"):
        model = clean(r["model"])
        tdp = num(r["TDP"])
        src = clean(r["source"])
        kind = "tpu" if model.upper().startswith("TPU") else "gpu"
        e = {"name": model, "kind": kind, "power_type": "tdp"}
        if model == "Any":
            e["name"] = "Any GPU"
            e["power_w"] = plain(num(r["TDP_per_core"]))
            e["source"] = "Green Algorithms TDP_gpu.csv, row 'Any' (%s)" % GA_URL
            e["note"] = ("Green Algorithms' default power for an unknown GPU "
                         "(TDP_per_core column of the 'Any' row)")
        elif tdp is None:
            warn("GA v%s TDP_gpu.csv: %r has no TDP, skipped" % (ver, model))
            continue
        elif tdp > 2000:
            warn("GA v%s TDP_gpu.csv: %r (%s W) is a whole pod, not a device, skipped"
                 % (ver, model, plain(tdp)))
            continue
        else:
            e["power_w"] = plain(tdp)
            e["source"] = src if src.startswith("http") else "https://www." + src \
                if src == "techpowerup.com" else src
        e["year"] = year_from(src, ey)
        if kind == "tpu" and "2104.10350" in src:
            e["note"] = ("Green Algorithms' figure; Patterson et al. 2021 (arXiv:2104.10350) "
                         "report 221 W measured average for TPU v2 (ML CO2 Impact uses that)")
        out.append(e)
    # aliases: without vendor words, or with them for GA's bare CPU names
    taken = claim(out, "name")
    for e in out:
        n = e["name"]
        cands = []
        if e["kind"] == "cpu":
            v = ga_cpu_vendor_name(n)
            if v:
                cands.append(v)
        else:
            s = n
            if s.startswith("NVIDIA "):
                s = s[len("NVIDIA "):]
                cands.append(s)
            if s.startswith("Tesla "):
                cands.append(s[len("Tesla "):])
            if s.startswith(("GTX ", "RTX ")):
                cands.append("GeForce " + s)
            if n.startswith("TPU "):
                cands.append("Google " + n)
        add_aliases(e, cands, taken)
    return out


def ga_location_name(r):
    code = clean(r["location"])
    country, region = clean(r["countryName"]), clean(r["regionName"])
    if code == "WORLD":
        return "World"
    if region and region != "Any":
        return "%s, %s" % (region, country) if "-" in code else region
    return country


def ga_locations(ref, ver):
    ey = GA_EDITION_YEAR[ver]
    out = []
    for r in ga_read(ref, ver, "CI_aggregated.csv"):
        code = clean(r["location"])
        ci = num(r["carbonIntensity"])
        if not code or ci is None:
            warn("GA v%s CI_aggregated.csv: row without code/intensity skipped: %r" % (ver, r))
            continue
        src = clean(r["source"])
        comments = clean(r["comments"])
        year = data_year(comments) or data_year(src)
        if not year:
            ys = years_in(comments) + years_in(src)
            year = max(ys) if ys else ey
        e = {"code": code, "name": ga_location_name(r), "intensity_g_per_kwh": plain(ci),
             "source": src, "year": year}
        if comments and not re.match(r"^Data from", comments):
            e["#"] = ["CI_aggregated.csv comment: " + comments]
        out.append(e)
    return out


def ga_regions(ref, ver, loc_codes, fallback_codes):
    ey = GA_EDITION_YEAR[ver]
    names = {clean(r["provider"]): clean(r["providerName"])
             for r in ga_read(ref, ver, "providersNamesCodes.csv")}
    pue = collections.OrderedDict()
    unknown = None
    for r in ga_read(ref, ver, "defaults_PUE.csv"):
        p = clean(r["provider"])
        if p == "Unknown":
            unknown = r
            continue
        pue[GA_PROVIDER_IDS.get(p, p.lower())] = r
    offsets = {clean(r["provider"]): num(r["offsetRatio"])
               for r in ga_read(ref, ver, "servers_offset.csv")}
    providers = []
    ids = list(names) + [p for p in pue if p not in names]
    for pid in ids:
        e = {"id": pid, "name": names.get(pid) or GA_PROVIDER_NAMES.get(pid, pid),
             "source": "Green Algorithms v%s providersNamesCodes.csv, defaults_PUE.csv, "
                       "servers_offset.csv (%s)" % (ver, GA_URL),
             "year": ey}
        if pid in pue:
            r = pue[pid]
            e["pue"] = plain(num(r["PUE"]))
            e["pue_source"] = clean(r["source"])
            e["pue_year"] = year_from(clean(r["source"]), ey)
        if offsets.get(pid) is not None:
            e["offset_percent"] = plain(offsets[pid])
        providers.append(e)
    skipped = [p for p in offsets if p not in ids]
    if skipped:
        warn("GA v%s servers_offset.csv: %s are local clusters without data centres, "
             "not written as providers" % (ver, ", ".join(skipped)))

    regions = []
    for r in ga_read(ref, ver, "cloudProviders_datacenters.csv"):
        p, n = clean(r["provider"]), clean(r["Name"])
        loc = clean(r["location"])
        src = clean(r["source_datacentre"])
        e = {"id": "%s:%s" % (p, n), "name": clean(r["location_freeForm"]) or None,
             "source": src, "year": year_from(src, ey), "_code": n}
        if loc:
            if loc not in loc_codes:
                raise SystemExit("GA v%s region %s: unknown location %s" % (ver, e["id"], loc))
            e["location"] = loc
        else:
            # Qatar Central (Doha) has no location in the table; QA comes from co2calc.
            guess = {"Doha": "QA"}.get(clean(r["location_freeForm"]))
            if guess and guess in fallback_codes:
                e["location"] = guess
                e["#"] = ["cloudProviders_datacenters.csv gives no location code for this "
                          "row; %s (%s) is taken from the co2calc edition"
                          % (guess, clean(r["location_freeForm"]))]
            else:
                warn("GA v%s region %s has no location" % (ver, e["id"]))
        pv = num(r["PUE"])
        if pv is not None:
            e["pue"] = plain(pv)
            e["pue_source"] = clean(r["source_PUE"])
            e["pue_year"] = year_from(clean(r["source_PUE"]), ey)
        regions.append(e)
    bare_alias(regions)

    consts = []
    consts_ref = {clean(r["variable"]): r for r in ga_read(ref, ver, "referenceValues.csv")}
    mp = consts_ref["memoryPower"]
    urls = re.findall(r"https?://\S+", clean(mp["source"]))
    consts.append({"name": "memory_w_per_gb", "value": plain(num(mp["value"])), "unit": "W/GB",
                   "source": " and ".join(urls), "year": year_from(clean(mp["source"]), ey)})
    if unknown is not None:
        s = clean(unknown["source"])
        consts.append({"name": "pue_unknown", "value": plain(num(unknown["PUE"])), "unit": "",
                       "source": s, "year": year_from(s, ey)})
    consts.append({"name": "pue_personal_computer", "value": 1.0, "unit": "",
                   "source": "Green Algorithms paper, Lannelongue et al. 2021 "
                             "(https://doi.org/10.1002/advs.202100707): PUE 1 for a "
                             "personal computer",
                   "year": 2021})
    for c in consts:
        if c["unit"] == "":
            c["unit"] = "ratio"
    return providers, regions, consts, consts_ref


GA_EQUIVALENTS = [
    # id, variable, label, unit, per-unit divisor note
    ("car_eu_km", "passengerCar_EU_perkm", "km driven by an average European passenger car", "km"),
    ("car_us_km", "passengerCar_US_perkm", "km driven by an average US passenger car", "km"),
    ("train_km", "train_perkm", "km by train", "km"),
    ("flight_economy_km", "flight_economy_perkm", "km flown in economy class", "km"),
    ("flight_paris_london", "flight_PAR-LON", "flights Paris-London (economy)", "flights"),
    ("flight_nyc_sf", "flight_NY-SF", "flights New York-San Francisco (economy)", "flights"),
    ("tree_months", "tree_month", "tree-months (CO2 absorbed by a tree in a month)",
     "tree-months"),
    ("streaming_hours", "streaming_netflix_perhour", "hours of video streaming", "hours"),
]


def ga_equivalents(ref, ver, consts_ref):
    ey = GA_EDITION_YEAR[ver]
    out = []
    for eid, var, label, unit in GA_EQUIVALENTS:
        r = consts_ref[var]
        text = clean(r["source"])
        m = re.search(r"same source as (\w+)", text)
        if m:
            text = clean(consts_ref[m.group(1)]["source"])
        urls = re.findall(r"https?://[^\s)]+", text)
        g = num(r["value"])
        e = {"id": eid, "label": label, "unit": unit,
             "kg_per_unit": plain(float(decimal.Decimal(clean(r["value"])) / 1000)),
             "significant": 3, "source": " and ".join(urls) if urls else text,
             "year": year_from(text, ey),
             "note": "%s g CO2e per %s (Green Algorithms referenceValues.csv, %s)"
                     % (plain(g), unit.rstrip("s") if unit != "km" else "km", var)}
        m = re.search(r"more like ([0-9]+-[0-9]+g)", text)
        if m:
            e["note"] += "; Green Algorithms adds: more like %s" % m.group(1)
        out.append(e)
    return out


def build_ga(ref, ver, fallback_codes):
    d = os.path.join(DATA, "green-algorithms-" + ver)
    ed = ("green-algorithms-" + ver, GA_DATE)
    lic = "CC-BY-4.0"
    cm = ["Generated by scripts/convert-reference-data.py from the Green Algorithms v%s" % ver,
          "tables, %s commit 30df2fe (2025-02-05), data/v%s/." % (GA_URL, ver),
          GA_CREDIT + ".",
          "Do not edit by hand: fix the converter and re-run it."]
    t = "Green Algorithms v%s (Lannelongue, Grealey & Inouye 2021): " % ver
    hw = ga_hardware(ref, ver)
    write_yaml(os.path.join(d, "hardware.yaml"), cm,
               header(*ed, t + "CPUs and GPUs (TDP_cpu.csv, TDP_gpu.csv)", GA_URL, lic, [hw]),
               [("hardware", hw)])
    locs = common_location_aliases(ga_locations(ref, ver))
    write_yaml(os.path.join(d, "locations.yaml"), cm,
               header(*ed, t + "carbon intensity by location (CI_aggregated.csv)", GA_URL,
                      lic, [locs]),
               [("locations", locs)])
    provs, regs, consts, cref = ga_regions(ref, ver, {l["code"] for l in locs}, fallback_codes)
    write_yaml(os.path.join(d, "regions.yaml"), cm,
               header(*ed, t + "cloud providers and data centres", GA_URL, lic, [provs, regs]),
               [("providers", provs), ("regions", regs)])
    write_yaml(os.path.join(d, "constants.yaml"), cm,
               header(*ed, t + "constants (referenceValues.csv, defaults_PUE.csv)", GA_URL,
                      lic, [consts]),
               [("constants", consts)])
    eq = ga_equivalents(ref, ver, cref)
    write_yaml(os.path.join(d, "equivalents.yaml"), cm,
               header(*ed, t + "comparison figures (referenceValues.csv)", GA_URL, lic, [eq]),
               [("equivalents", eq)])
    return {"hardware": hw, "locations": locs, "providers": provs, "regions": regs,
            "constants": consts, "equivalents": eq}


# ======================================================================================
# co2calc (curated, newest)

CO2CALC_DATE = "2026-11-24"

ALPHA3_TO_2 = {
    "ABW": "AW", "AFG": "AF", "AGO": "AO", "ALB": "AL", "ARE": "AE", "ARG": "AR", "ARM": "AM",
    "ASM": "AS", "ATG": "AG", "AUS": "AU", "AUT": "AT", "AZE": "AZ", "BDI": "BI", "BEL": "BE",
    "BEN": "BJ", "BFA": "BF", "BGD": "BD", "BGR": "BG", "BHR": "BH", "BHS": "BS", "BIH": "BA",
    "BLR": "BY", "BLZ": "BZ", "BMU": "BM", "BOL": "BO", "BRA": "BR", "BRB": "BB", "BRN": "BN",
    "BTN": "BT", "BWA": "BW", "CAF": "CF", "CAN": "CA", "CHE": "CH", "CHL": "CL", "CHN": "CN",
    "CIV": "CI", "CMR": "CM", "COD": "CD", "COG": "CG", "COK": "CK", "COL": "CO", "COM": "KM",
    "CPV": "CV", "CRI": "CR", "CUB": "CU", "CYM": "KY", "CYP": "CY", "CZE": "CZ", "DEU": "DE",
    "DJI": "DJ", "DMA": "DM", "DNK": "DK", "DOM": "DO", "DZA": "DZ", "ECU": "EC", "EGY": "EG",
    "ERI": "ER", "ESH": "EH", "ESP": "ES", "EST": "EE", "ETH": "ET", "FIN": "FI", "FJI": "FJ",
    "FLK": "FK", "FRA": "FR", "FRO": "FO", "GAB": "GA", "GBR": "GB", "GEO": "GE", "GHA": "GH",
    "GIB": "GI", "GIN": "GN", "GLP": "GP", "GMB": "GM", "GNB": "GW", "GNQ": "GQ", "GRC": "GR",
    "GRD": "GD", "GRL": "GL", "GTM": "GT", "GUF": "GF", "GUM": "GU", "GUY": "GY", "HKG": "HK",
    "HND": "HN", "HRV": "HR", "HTI": "HT", "HUN": "HU", "IDN": "ID", "IND": "IN", "IRL": "IE",
    "IRN": "IR", "IRQ": "IQ", "ISL": "IS", "ISR": "IL", "ITA": "IT", "JAM": "JM", "JOR": "JO",
    "JPN": "JP", "KAZ": "KZ", "KEN": "KE", "KGZ": "KG", "KHM": "KH", "KIR": "KI", "KNA": "KN",
    "KOR": "KR", "KWT": "KW", "LAO": "LA", "LBN": "LB", "LBR": "LR", "LBY": "LY", "LCA": "LC",
    "LKA": "LK", "LSO": "LS", "LTU": "LT", "LUX": "LU", "LVA": "LV", "MAC": "MO", "MAR": "MA",
    "MDA": "MD", "MDG": "MG", "MDV": "MV", "MEX": "MX", "MKD": "MK", "MLI": "ML", "MLT": "MT",
    "MMR": "MM", "MNE": "ME", "MNG": "MN", "MOZ": "MZ", "MRT": "MR", "MSR": "MS", "MTQ": "MQ",
    "MUS": "MU", "MWI": "MW", "MYS": "MY", "NAM": "NA", "NCL": "NC", "NER": "NE", "NGA": "NG",
    "NIC": "NI", "NLD": "NL", "NOR": "NO", "NPL": "NP", "NRU": "NR", "NZL": "NZ", "OMN": "OM",
    "PAK": "PK", "PAN": "PA", "PER": "PE", "PHL": "PH", "PNG": "PG", "POL": "PL", "PRI": "PR",
    "PRK": "KP", "PRT": "PT", "PRY": "PY", "PSE": "PS", "PYF": "PF", "QAT": "QA", "REU": "RE",
    "ROU": "RO", "RUS": "RU", "RWA": "RW", "SAU": "SA", "SDN": "SD", "SEN": "SN", "SGP": "SG",
    "SHN": "SH", "SLB": "SB", "SLE": "SL", "SLV": "SV", "SOM": "SO", "SPM": "PM", "SRB": "RS",
    "SSD": "SS", "STP": "ST", "SUR": "SR", "SVK": "SK", "SVN": "SI", "SWE": "SE", "SWZ": "SZ",
    "SYC": "SC", "SYR": "SY", "TCA": "TC", "TCD": "TD", "TGO": "TG", "THA": "TH", "TJK": "TJ",
    "TKM": "TM", "TLS": "TL", "TON": "TO", "TTO": "TT", "TUN": "TN", "TUR": "TR", "TWN": "TW",
    "TZA": "TZ", "UGA": "UG", "UKR": "UA", "URY": "UY", "USA": "US", "UZB": "UZ", "VCT": "VC",
    "VEN": "VE", "VGB": "VG", "VIR": "VI", "VNM": "VN", "VUT": "VU", "WSM": "WS", "YEM": "YE",
    "ZAF": "ZA", "ZMB": "ZM", "ZWE": "ZW",
}

# GA codes that differ from ISO 3166-2 in co2calc: (co2calc code, GA code kept as alias)
CO2CALC_GA_CODE = {"CA-MT": "CA-MB"}
# Where GA points a region at CN-HK (HK Electric), co2calc uses HK (whole territory).
CO2CALC_REGION_LOC_REMAP = {"CN-HK": "HK"}

SHORT_COUNTRY = {"United States of America": "United States", "Russian Federation": "Russia"}

# Codes people type that are not ISO 3166-1: the United Kingdom is GB in ISO, UK in common
# use (and in the EU's own country codes). Added as aliases in every edition that has the
# country, unless another entry of the edition takes the key.
COMMON_LOCATION_ALIASES = {"GB": ["UK"]}


def common_location_aliases(locs):
    taken = claim(locs, "code")
    for e in locs:
        add_aliases(e, COMMON_LOCATION_ALIASES.get(e["code"], []), taken)
    return locs

EMBER_SRC = "Ember / Our World in Data energy mix via CodeCarbon (%s)" % CC_URL


# Per-source factors (g CO2eq/kWh) for recomputing an intensity from a generation mix:
# CodeCarbon carbon_intensity_per_source.json (coal, oil, gas: life-cycle figures of the
# energy-usage project; hydro, nuclear, solar, wind, geothermal: World Nuclear Association
# life-cycle comparison), and for biomass, which that file lacks, the IPCC AR5 WG3 Annex III
# life-cycle median of dedicated biomass (230).
IPCC_AR5_URL = "https://www.ipcc.ch/site/assets/uploads/2018/02/ipcc_wg3_ar5_annex-iii.pdf"
BIOMASS_G_PER_KWH = 230


def source_factors(ref):
    f = read_json(os.path.join(ref, "codecarbon", "carbon_intensity_per_source.json"))
    if f.get("unit") != "gCO2.eq/kWh":
        raise SystemExit("carbon_intensity_per_source.json: unexpected unit %r" % f.get("unit"))
    return {"coal": f["coal"], "oil": f["petroleum"], "gas": f["natural_gas"],
            "hydro": f["hydroelectricity"], "nuclear": f["nuclear"], "solar": f["solar"],
            "wind": f["wind"], "geothermal": f["geothermal"], "biomass": BIOMASS_G_PER_KWH}


FACTORS_SRC = ("per-source life-cycle factors of CodeCarbon carbon_intensity_per_source.json (%s; "
               "biomass %d g/kWh, IPCC AR5 WG3 Annex III median, %s)"
               % (CC_URL, BIOMASS_G_PER_KWH, IPCC_AR5_URL))

# global_energy_mix.json columns -> fuel of source_factors()
MIX_FUELS = {"coal_TWh": "coal", "gas_TWh": "gas", "oil_TWh": "oil", "biofuel_TWh": "biomass",
             "hydroelectricity_TWh": "hydro", "nuclear_TWh": "nuclear", "solar_TWh": "solar",
             "wind_TWh": "wind", "other_renewable_exc_biofuel_TWh": "geothermal"}


def mix_intensity(shares, factors):
    """Generation-weighted mean of the per-source factors; shares: fuel -> amount."""
    total = sum(shares.values())
    return sum(a * factors[f] for f, a in shares.items()) / total if total else None


# An intensity a mix cannot give: below half the lowest factor of the fuels it burns, or
# above the highest by more than 10 % (Ember's 1,306 g/kWh for Turkmenistan's gas-only grid,
# 0 for the Central African Republic's hydro). Such a figure is recomputed from the same mix.
IMPLAUSIBLE_LOW, IMPLAUSIBLE_HIGH = 0.5, 1.1

# Green Algorithms v3.0's sub-national rows cite "carbonfootprint (March 2022)": the
# carbonfootprint.com factor table of that date. Written out in full for the older points.
CARBONFOOTPRINT = ("carbonfootprint.com, Country Specific Electricity Grid Greenhouse Gas "
                   "Emission Factors (March 2022)")

# Australia: National Greenhouse Accounts Factors 2024 (Australian Government, DCCEEW,
# August 2024), Table 1, scope 2 factors of electricity consumed from the grid, kg CO2-e/kWh.
# Scope 2 only: the emissions of generation (scope 3, the extraction and transport of the
# fuels, is left out like the other grids' upstream share).
NGA_2024_URL = ("https://www.dcceew.gov.au/climate-change/publications/"
                "national-greenhouse-accounts-factors-2024")
NGA_2024 = {  # co2calc code -> (kg CO2-e/kWh, the NGA row)
    "AU-NSW": (0.66, "New South Wales and Australian Capital Territory"),
    "AU-ACT": (0.66, "New South Wales and Australian Capital Territory"),
    "AU-VIC": (0.77, "Victoria"),
    "AU-QLD": (0.71, "Queensland"),
    "AU-SA": (0.23, "South Australia"),
    "AU-WA2": (0.51, "Western Australia, South West Interconnected System"),
    "AU-WA1": (0.61, "Western Australia, North Western Interconnected System"),
    "AU-TAS": (0.15, "Tasmania"),
    "AU-NT2": (0.56, "Northern Territory, Darwin Katherine Interconnected System"),
    # The factors give no whole-territory row: the DKIS, the territory's main grid.
    "AU-NT": (0.56, "Northern Territory, Darwin Katherine Interconnected System (the "
                    "territory's main grid; NGA gives no whole-territory factor)"),
}

# Canada: the 2023 generation mix per province (CodeCarbon canada_energy_mix_2023.json),
# times the per-source factors above.
CANADA_PROVINCES = {
    "british columbia": "CA-BC", "newfoundland and labrador": "CA-NL", "saskatchewan": "CA-SK",
    "prince edward island": "CA-PE", "ontario": "CA-ON", "nova scotia": "CA-NS",
    "quebec": "CA-QC", "alberta": "CA-AB", "manitoba": "CA-MB",
    "northwest territories": "CA-NT", "new brunswick": "CA-NB", "nunavut": "CA-NU",
    "yukon": "CA-YT",
}
CANADA_FUELS = {"naturalGas": "gas", "nuclear": "nuclear", "petroleum": "oil",
                "biomass": "biomass", "coal": "coal", "solar": "solar", "tidal": "hydro",
                "wind": "wind", "hydro": "hydro"}

# Hong Kong's two companies (Green Algorithms v3.0 rows, 2020): the companies' reports.
HK_COMPANY_SRC = {
    "CN-HK": "HK Electric Investments, Sustainability Report 2020 (https://www.hkei.hk/en/"
             "sustainability/reports), combined generation and transmission factor",
    "CN-HK2": "CLP Holdings, Sustainability Report 2020 (https://www.clpgroup.com/en/"
              "sustainability/sustainability-reports), combined generation and "
              "transmission factor",
}

# US states and DC: US EPA, eGRID2023 (data year 2023), revision 2 (June 2025), Summary
# Tables, Table 3 "State Output Emission Rates": the annual total output emission rate of
# CO2 equivalent (CO2, CH4 and N2O), lb/MWh, as the table prints it (one decimal). Total
# output, the rate EPA gives for carbon footprints and inventories: not the non-baseload
# rate, which is for estimating avoided emissions. The rate of the electricity generated in
# the state (imports and exports not counted). US government work: public domain.
#
# EPA's files could not be opened here: the table was read from a public transcription of
# Table 3 (all 51 rows plus Puerto Rico 1,548.5 and U.S. 770.9) and checked against a
# second, separate one that gives the same rates in t CO2e/MWh to four decimals: 50 of
# the 51 agree to the last digit; Colorado there is 0.4950 t (1,091.2 to 1,091.4 lb),
# here 1,091.1 lb, 0.1 g/kWh apart. The Puerto Rico and U.S. rows equal the PRMS and U.S.
# rows of revision 2's Table 1 (subregions, CO2e; Puerto Rico is one subregion), where
# the January 2025 first release gave 1,548.3 and 775.2: this is revision 2. Statista's
# 2023 power-sector rates by state (CO2 alone) put West Virginia (1,919 lb/MWh) and
# Wyoming (1,755) first, as here (1,968.9 and 1,833.3 with CH4, N2O and all plants).
EGRID_2023_URL = "https://www.epa.gov/egrid/summary-data"
EGRID_2023_SRC = ("US EPA eGRID2023 (revision 2, June 2025), Summary Tables, Table 3 State "
                  "Output Emission Rates, annual total output emission rate of CO2 "
                  "equivalent (not the non-baseload rate), %s: %s lb/MWh, times 0.45359237 "
                  "kg/lb (" + EGRID_2023_URL + ")")
LB_PER_MWH_TO_G_PER_KWH = 0.45359237
EGRID_2023 = {  # co2calc code -> lb CO2e/MWh
    "US-AK": 814.5, "US-AL": 714.0, "US-AR": 998.4, "US-AZ": 689.1, "US-CA": 394.8,
    "US-CO": 1091.1, "US-CT": 540.7, "US-DC": 395.0, "US-DE": 704.2, "US-FL": 789.1,
    "US-GA": 717.4, "US-HI": 1394.7, "US-IA": 634.2, "US-ID": 313.9, "US-IL": 474.4,
    "US-IN": 1465.5, "US-KS": 733.3, "US-KY": 1747.0, "US-LA": 763.1, "US-MA": 830.1,
    "US-MD": 522.2, "US-ME": 316.8, "US-MI": 797.4, "US-MN": 752.3, "US-MO": 1454.6,
    "US-MS": 828.3, "US-MT": 1063.9, "US-NC": 626.4, "US-ND": 1297.9, "US-NE": 1025.8,
    "US-NH": 276.2, "US-NJ": 470.2, "US-NM": 773.6, "US-NV": 643.9, "US-NY": 466.6,
    "US-OH": 1068.3, "US-OK": 648.8, "US-OR": 365.0, "US-PA": 647.9, "US-RI": 840.0,
    "US-SC": 560.4, "US-SD": 335.6, "US-TN": 661.2, "US-TX": 771.2, "US-UT": 1421.2,
    "US-VA": 539.6, "US-VT": 52.2, "US-WA": 266.6, "US-WI": 1163.6, "US-WV": 1968.9,
    "US-WY": 1833.3,
}

# Electricity Maps yearly zone data (ODbL 1.0), as republished by The Green Web
# Foundation's CO2.js: life-cycle intensity per zone and year.
EM_URL = ("https://github.com/thegreenwebfoundation/co2.js (data/output/electricity-maps, "
          "commit 27cbe83)")
EM_NAMES = {  # bidding zone -> the city or area it is known by (the Nordic TSOs' names)
    "SE-SE1": "Sweden bidding zone SE1 (Luleå, northern Sweden)",
    "SE-SE2": "Sweden bidding zone SE2 (Sundsvall, north-central Sweden)",
    "SE-SE3": "Sweden bidding zone SE3 (Stockholm, south-central Sweden)",
    "SE-SE4": "Sweden bidding zone SE4 (Malmö, southern Sweden)",
    "NO-NO1": "Norway bidding zone NO1 (Oslo, south-eastern Norway)",
    "NO-NO2": "Norway bidding zone NO2 (Kristiansand, south-western Norway)",
    "NO-NO3": "Norway bidding zone NO3 (Trondheim, central Norway)",
    "NO-NO4": "Norway bidding zone NO4 (Tromsø, northern Norway)",
    "NO-NO5": "Norway bidding zone NO5 (Bergen, western Norway)",
}

# Ember yearly country and world averages (CC BY-SA 4.0), as republished by CO2.js.
EMBER_URL = ("https://ember-energy.org (yearly electricity data, via CO2.js "
             "data/output/average-intensities.json, commit 27cbe83)")


def em_years(ref):
    out = {}
    d = os.path.join(ref, "electricity-maps")
    for f in sorted(os.listdir(d)):
        m = re.match(r"^yearly_([0-9]{4})\.json$", f)
        if m:
            out[int(m.group(1))] = read_json(os.path.join(d, f))
    return out


def em_zone(years, code):
    """(newest year, value, [(year, value), ...]) of an Electricity Maps zone."""
    pts = [(y, years[y][code]["carbonIntensity"]["value"]) for y in sorted(years)
           if code in years[y] and num(years[y][code]["carbonIntensity"]["value"]) is not None]
    if not pts:
        raise SystemExit("electricity-maps: no figure for zone %s" % code)
    return pts[-1][0], pts[-1][1], pts


def farthest_older(pts):
    """Of the older points, the one farthest from the newest (in ratio): the second point
    that best shows how far the figure moves from year to year."""
    import math
    y, v = pts[-1]
    older = [(py, pv) for py, pv in pts[:-1] if pv > 0 and pv != v]
    if not older or v <= 0:
        return None
    return max(older, key=lambda p: (abs(math.log(p[1] / v)), -p[0]))


def previous_point(e, value, year, source):
    if value is None or plain(value) == e["intensity_g_per_kwh"] or year > e["year"]:
        return
    e["previous_intensity_g_per_kwh"] = plain(value)
    e["previous_year"] = year
    e["previous_source"] = source


def co2calc_locations(ref, ga_locs):
    """The co2calc edition's locations, by licence: 'main' (CC-BY 4.0 and MIT figures),
    'odbl' (Electricity Maps, ODbL 1.0), 'ccbysa' (Ember, CC BY-SA 4.0)."""
    factors = source_factors(ref)
    ga = {l["code"]: l for l in ga_locs}
    mix = read_json(os.path.join(ref, "codecarbon", "global_energy_mix.json"))
    out = collections.OrderedDict()
    for a3 in sorted(mix):
        v = mix[a3]
        a2 = ALPHA3_TO_2.get(a3)
        if a2 is None:
            raise SystemExit("co2calc: no alpha-2 code for %s (%s)" % (a3, v["country_name"]))
        ci = num(v.get("carbon_intensity"))
        if ci is None:
            warn("codecarbon global_energy_mix.json: %s has no carbon_intensity" % a3)
            continue
        name = clean(v["country_name"])
        e = {"code": a2, "name": name, "aliases": [a3], "intensity_g_per_kwh": plain(ci),
             "source": EMBER_SRC, "year": int(v["year"])}
        shares = {MIX_FUELS[k]: num(v.get(k)) for k in MIX_FUELS if (num(v.get(k)) or 0) > 0}
        if shares:
            present = [factors[f] for f in shares]
            if ci < IMPLAUSIBLE_LOW * min(present) or ci > IMPLAUSIBLE_HIGH * max(present):
                re_ci = round(mix_intensity(shares, factors), 1)
                e["#"] = ["global_energy_mix.json gives %s g/kWh, which this mix (%s) cannot "
                          "give: recomputed from the mix" % (e["intensity_g_per_kwh"], ", ".join(
                              "%s %s TWh" % (f, plain(a)) for f, a in sorted(shares.items())))]
                e["intensity_g_per_kwh"] = plain(re_ci)
                e["source"] = ("%s generation mix (Ember / Our World in Data via CodeCarbon "
                               "global_energy_mix.json) times the %s" % (name, FACTORS_SRC))
        if int(v["year"]) < 2015:
            e.setdefault("#", []).append(
                "the newest figure of the reference tables (Ember and Electricity Maps have no "
                "zone for it); left as it is")
        if clean(v["iso_code"]) != a3:
            warn("global_energy_mix.json: key %s has iso_code %s" % (a3, v["iso_code"]))
        out[a2] = e
    # Sub-national grids of Green Algorithms v3.0 (US states, Canadian provinces, Australian
    # states, Hong Kong's companies), each updated below where a newer official figure is
    # at hand; the Green Algorithms figure then stays as the second point.
    for l in ga_locs:
        code = l["code"]
        if code in out or code == "WORLD":
            continue
        new = CO2CALC_GA_CODE.get(code, code)
        src = l["source"]
        if src.startswith("carbonfootprint (March 2022)"):
            src = CARBONFOOTPRINT + src[len("carbonfootprint (March 2022)"):]
        if code in HK_COMPANY_SRC:
            src = "%s; %s" % (src, HK_COMPANY_SRC[code])
        e = {"code": new, "name": l["name"], "aliases": [code] if new != code else [],
             "intensity_g_per_kwh": l["intensity_g_per_kwh"],
             "source": "%s, as tabulated in Green Algorithms v3.0 CI_aggregated.csv (%s)"
                       % (src, GA_URL),
             "year": l["year"]}
        if "-" in code:
            cn = e["name"].rsplit(", ", 1)
            if len(cn) == 2:
                e["name"] = "%s, %s" % (cn[0], SHORT_COUNTRY.get(cn[1], cn[1]))
        out[new] = e
    # Australia: NGA Factors 2024.
    for code, (kg, row) in NGA_2024.items():
        e = out[code]
        old = (e["intensity_g_per_kwh"], e["year"], e["source"])
        e["intensity_g_per_kwh"] = plain(round(kg * 1000, 6))
        e["source"] = ("Australian Government (DCCEEW), National Greenhouse Accounts Factors "
                       "2024, Table 1, scope 2 factor for %s: %s kg CO2-e/kWh (%s)"
                       % (row, plain(kg), NGA_2024_URL))
        e["year"] = 2024
        previous_point(e, *old)
    # Canada: the 2023 provincial mix.
    canada = read_json(os.path.join(ref, "codecarbon", "canada_energy_mix_2023.json"))
    if sorted(canada) != sorted(CANADA_PROVINCES):
        raise SystemExit("canada_energy_mix_2023.json: provinces %s" % sorted(canada))
    for prov in sorted(canada):
        v = canada[prov]
        shares = collections.Counter()
        for k, f in CANADA_FUELS.items():
            shares[f] += num(v.get(k)) or 0
        if set(v) - set(CANADA_FUELS) - {"other", "total"} or (num(v.get("other")) or 0):
            raise SystemExit("canada_energy_mix_2023.json: %s has sources %s" % (prov, sorted(v)))
        e = out[CANADA_PROVINCES[prov]]
        old = (e["intensity_g_per_kwh"], e["year"], e["source"])
        e["intensity_g_per_kwh"] = plain(round(mix_intensity(shares, factors), 1))
        e["source"] = ("2023 generation mix of %s (CodeCarbon canada_energy_mix_2023.json, %s, "
                       "from the Canada Energy Regulator's provincial profiles) times the %s"
                       % (prov.title().replace(" And ", " and "), CC_URL, FACTORS_SRC))
        e["year"] = 2023
        previous_point(e, *old)
    # US states and DC: EPA eGRID2023, the state's total output CO2e rate; the
    # carbonfootprint.com 2020 figure of Green Algorithms stays as the second point.
    if sorted(EGRID_2023) != sorted(c for c in out if c.startswith("US-")):
        raise SystemExit("eGRID2023 states %s differ from the US locations %s" % (
            sorted(EGRID_2023), sorted(c for c in out if c.startswith("US-"))))
    for code in sorted(EGRID_2023):
        lb = EGRID_2023[code]
        e = out[code]
        old = (e["intensity_g_per_kwh"], e["year"], e["source"])
        e["intensity_g_per_kwh"] = plain(round(lb * LB_PER_MWH_TO_G_PER_KWH, 2))
        e["source"] = EGRID_2023_SRC % (e["name"].rsplit(", ", 1)[0], "{:,}".format(lb))
        e["year"] = 2023
        previous_point(e, *old)
    # World: Ember's (CC BY-SA), in a file of its own; IEA 2019 stays as the second point.
    ember = read_json(os.path.join(ref, "ember", "average-intensities.json"))
    w = ember["World"]
    world = ga["WORLD"]
    ccbysa = [{"code": "WORLD", "name": "World", "aliases": [],
               "intensity_g_per_kwh": plain(w["emissions_intensity_gco2_per_kwh"]),
               "source": "Ember, world average emissions intensity of electricity generation, "
                         "%d (%s)" % (w["year"], EMBER_URL),
               "year": int(w["year"])}]
    previous_point(ccbysa[0], world["intensity_g_per_kwh"], world["year"],
                   "IEA Global Energy & CO2 Status Report 2019 (%s), via Green Algorithms v3.0 "
                   "CI_aggregated.csv (%s)" % (world["source"], GA_URL))
    # Nordic bidding zones: Electricity Maps (ODbL), in a file of their own. CodeCarbon's
    # nordic_emissions.json gives every zone the same placeholder 18 g/kWh: not used.
    years = em_years(ref)
    odbl = []
    for code in sorted(EM_NAMES):
        y, val, pts = em_zone(years, code)
        e = {"code": code, "name": EM_NAMES[code], "aliases": [code.split("-")[1]],
             "intensity_g_per_kwh": plain(val),
             "source": "Electricity Maps, yearly average carbon intensity of zone %s, %d, "
                       "life-cycle (%s)" % (code, y, EM_URL),
             "year": y}
        far = farthest_older(pts)
        if far:
            previous_point(e, far[1], far[0], "Electricity Maps, yearly average carbon "
                           "intensity of zone %s, %d, life-cycle (%s); of the years %d-%d the "
                           "farthest from %d" % (code, far[0], EM_URL, pts[0][0], pts[-2][0], y))
        odbl.append(e)
    return {"main": list(out.values()), "odbl": odbl, "ccbysa": ccbysa}


def all_locations(locs):
    return locs["main"] + locs["odbl"] + locs["ccbysa"]


# co2calc region -> location where Green Algorithms gives none (from each table's
# country / state / city columns).
CO2CALC_REGION_LOC = {
    "aws:us-east-2": "US-OH", "aws:us-east-1": "US-VA", "aws:us-west-1": "US-CA",
    "aws:us-west-2": "US-OR", "aws:ap-east-1": "HK", "aws:ap-south-1": "IN",
    "aws:ap-northeast-3": "JP", "aws:ap-northeast-2": "KR", "aws:ap-southeast-1": "SG",
    "aws:ap-southeast-2": "AU-NSW", "aws:ap-northeast-1": "JP", "aws:ca-central-1": "CA-QC",
    "aws:cn-north-1": "CN", "aws:cn-northwest-1": "CN", "aws:eu-central-1": "DE",
    "aws:eu-west-1": "IE", "aws:eu-west-2": "GB", "aws:eu-west-3": "FR",
    # Stockholm: bidding zone SE3, like gcp:europe-north2.
    "aws:eu-north-1": "SE-SE3",
    "aws:sa-east-1": "BR", "aws:us-gov-east-1": "US-OH",
    # AWS names no city for GovCloud (US-West), only the US Northwest; ML CO2 Impact's
    # "Seattle" is a guess. It is commonly placed in Oregon, beside us-west-2, on the same
    # Pacific Northwest grid: Oregon's figure, as for us-west-2.
    "aws:us-gov-west-1": "US-OR",
    "ovh:gra": "FR", "ovh:bhs": "CA-QC", "scaleway:fr-par": "FR",
    "coreweave:LGA1": "US-NJ", "coreweave:ORD1": "US-IL", "coreweave:LAS1": "US-NV",
    "seeweb:fro2": "IT",
    "gcp:europe-west4": "NL", "gcp:africa-south1": "ZA", "gcp:asia-south2": "IN",
    "gcp:australia-southeast2": "AU-VIC", "gcp:europe-central2": "PL",
    "gcp:europe-southwest1": "ES", "gcp:europe-west8": "IT", "gcp:europe-west9": "FR",
    "gcp:europe-west10": "DE", "gcp:europe-west12": "IT", "gcp:me-central1": "QA",
    "gcp:me-central2": "SA", "gcp:me-west1": "IL", "gcp:northamerica-northeast2": "CA-ON",
    "gcp:southamerica-west1": "CL", "gcp:us-east5": "US-OH", "gcp:us-south1": "US-TX",
    # Google Cloud regions only Google's region carbon table has (added from it).
    "gcp:us-central2": "US-OK", "gcp:europe-north2": "SE-SE3", "gcp:northamerica-south1": "MX",
    "gcp:us-east2": "US-GA",
    # Azure's Norwegian regions: Oslo (bidding zone NO1) and Stavanger (NO2); Green
    # Algorithms gives the country.
    "azure:norwayeast": "NO-NO1", "azure:norwaywest": "NO-NO2",
}

# Google Cloud regions that offer Cloud TPUs (https://cloud.google.com/tpu/docs/regions-zones,
# 2025): every one must be in regions.yaml.
GCP_TPU_REGIONS = ["us-central1", "us-central2", "us-east1", "us-east5", "us-south1",
                   "us-west1", "us-west4", "europe-west4", "asia-east1", "asia-northeast1",
                   "asia-southeast1", "southamerica-east1"]
GOOGLE_CARBON_URL = "https://cloud.google.com/sustainability/region-carbon"
GOOGLE_CARBON_SRC = ("Google Cloud region carbon data, %d, grid carbon intensity (location-based) "
                     "of region %s (%s; GoogleCloudPlatform/region-carbon-info, commit 49f3f26, "
                     "Apache-2.0)")

# Provider-wide PUE, each from the provider's own report (or the press report of it
# named), with the spread it publishes: best site or newest design (pue_low), least
# efficient sites (pue_high). None where nothing is published.
PROVIDER_PUE = {
    "gcp": (1.10, 1.06, None, 2023,
            "Google, fleet-wide trailing-twelve-month PUE about 1.10 and best site 1.06 "
            "(https://www.google.com/about/datacenters/efficiency/), as reported by "
            "DatacenterDynamics, December 2024 (https://www.datacenterdynamics.com/en/news/"
            "aws-global-data-centers-achieved-pue-of-115-in-2023/)"),
    "aws": (1.14, 1.04, None, 2025,
            "Amazon, AWS Cloud sustainability page (https://sustainability.aboutamazon.com/"
            "products-services/aws-cloud): global PUE 1.14 in 2025 (1.15 in 2024); best site "
            "1.04 (Europe; Americas 1.05, Asia Pacific 1.07) in 2024"),
    "azure": (1.18, 1.12, None, 2024,
              "Microsoft, portfolio average PUE 1.18 and newest data centres about 1.12, as "
              "reported by DatacenterDynamics, December 2024 (https://www.datacenterdynamics.com/"
              "en/news/aws-global-data-centers-achieved-pue-of-115-in-2023/)"),
    "ovh": (1.28, 1.1, 1.3, 2023,
            "OVHcloud, global average PUE 1.28 (announcement of its carbon calculator, "
            "https://www.channelnews.fr/ovhcloud-lance-une-calculatrice-carbone-128249); data "
            "centres between 1.1 and 1.3 in fiscal year 2021 (OVHcloud's report, via "
            "https://www.silicon.fr/6-indicateurs-empreinte-environnementale-ovhcloud-453367.html)"),
    # Oracle publishes no fleet average, only "as low as 1.15": a lower bound.
    "oracle": (None, 1.15, None, 2024,
               "Oracle, data centre PUE 'as low as' 1.15, as reported by DatacenterDynamics, "
               "December 2024 (https://www.datacenterdynamics.com/en/news/"
               "aws-global-data-centers-achieved-pue-of-115-in-2023/); no fleet average "
               "published"),
    # Scaleway publishes a PUE per data centre, no fleet average: DC5 1.15 to DC2 1.55.
    "scaleway": (None, 1.15, 1.55, 2020,
                 "Scaleway, impact report 2018-2020: DC5 1.15, DC3 1.31, DC4 1.50, DC2 1.55, "
                 "AMS1 1.2, WAW1 1.51 (via https://www.silicon.fr/5-indicateurs-empreinte-"
                 "environnementale-scaleway-453379.html; live figures at "
                 "https://www.scaleway.com/en/environmental-leadership/); no fleet average "
                 "published"),
}
# The share of its electricity use each provider matches with renewable energy it buys over
# a year (the contractual instruments of the GHG Protocol's market-based method; offsets are
# not among them), from its own report or the press report of it named. Google gives a
# carbon-free share per region and hour instead (GOOGLE_CFE_SRC), which the regions carry.
PROVIDER_RENEWABLE_MATCH = {
    "aws": (100, 2023,
            "Amazon 2023 Sustainability Report (July 2024, https://sustainability.aboutamazon.com/"
            "): 100 % of the electricity consumed by Amazon's operations, AWS data centres "
            "included, matched with renewable energy sources in 2023; a yearly match, not hour "
            "by hour"),
    "azure": (100, 2025,
              "Microsoft, announcement of its Chief Sustainability Officer Melanie Nakagawa "
              "(February 2026): 100 % of its annual global electricity consumption matched "
              "with renewable energy purchases, its 2025 goal; as reported by ESG Investing, "
              "2026-02-18 (https://esg-investing.com/2026/02/18/microsoft-achieves-its-100-"
              "renewable-electricity-goal); a yearly match, not hour by hour"),
}
GOOGLE_CFE_SRC = ("Google Cloud region carbon data, %d, Google CFE of region %s: the average "
                  "share of carbon-free energy the region used hour by hour, the grid's and "
                  "what Google contracted there (%s; GoogleCloudPlatform/region-carbon-info, "
                  "commit 49f3f26, Apache-2.0)")
CODECARBON_REGION_FIX = {"me-cenrtal1": "me-central1"}
# Regions whose location CO2CALC_REGION_LOC sets even where Green Algorithms gives one.
CO2CALC_REGION_LOC_OVERRIDE = {"aws:eu-north-1", "aws:us-gov-west-1", "azure:norwayeast",
                               "azure:norwaywest"}


def azure_code(display):
    """Azure's region code from its display name ("West US 2" -> "westus2")."""
    s = re.sub(r"\(.*?\)", "", display)
    s = s.replace("Northeastt", "Northeast")
    return re.sub(r"[^a-z0-9]", "", s.lower())


def co2calc_regions(ref, mlco2, ga, loc_codes):
    ga_pue = collections.OrderedDict()
    unknown = None
    for r in ga_read(ref, "3.0", "defaults_PUE.csv"):
        p = clean(r["provider"])
        if p == "Unknown":
            unknown = r
            continue
        ga_pue[GA_PROVIDER_IDS.get(p, p.lower())] = r
    ga_off = {clean(r["provider"]): num(r["offsetRatio"])
              for r in ga_read(ref, "3.0", "servers_offset.csv")}
    ga_names = {clean(r["provider"]): clean(r["providerName"])
                for r in ga_read(ref, "3.0", "providersNamesCodes.csv")}
    ml_provs = {p["id"]: p for p in mlco2["providers"]}

    order = ["gcp", "aws", "azure", "ovh", "oracle"] + \
        [p for p in ml_provs if p not in ("gcp", "aws", "azure", "ovh", "oracle")]
    providers = []
    for pid in order:
        name = ga_names.get(pid) or (ml_provs[pid]["name"] if pid in ml_provs else None) \
            or GA_PROVIDER_NAMES.get(pid, pid)
        if pid == "ovh":
            name = "OVHcloud"
        if pid == "azure":
            name = "Microsoft Azure"
        e = {"id": pid, "name": name}
        srcs = []
        if pid in PROVIDER_PUE:
            pue, low, high, year, src = PROVIDER_PUE[pid]
            e["pue"], e["pue_low"], e["pue_high"] = pue, low, high
            e["pue_source"], e["pue_year"] = src, year
            if pid in ga_pue:
                e["#"] = ["Green Algorithms v3.0 defaults_PUE.csv gives %s, citing a blog post "
                          "(%s); replaced by the provider's own figure"
                          % (plain(num(ga_pue[pid]["PUE"])), clean(ga_pue[pid]["source"]))]
        if ga_off.get(pid) is not None:
            e["offset_percent"] = plain(ga_off[pid])
            srcs.append("Green Algorithms v3.0 servers_offset.csv (%s)" % GA_URL)
            e["year"] = GA_EDITION_YEAR["3.0"]
        elif pid in ml_provs and "offset_percent" in ml_provs[pid]:
            e["offset_percent"] = ml_provs[pid]["offset_percent"]
            srcs.append("ML CO2 Impact impact.csv offsetRatio (%s)" % MLCO2_URL)
            e["year"] = MLCO2_YEAR
        if pid in PROVIDER_PUE and not srcs:
            srcs.append("provider PUE: see pue_source")
            e["year"] = PROVIDER_PUE[pid][3]
        if pid in PROVIDER_RENEWABLE_MATCH:
            pct, year, src = PROVIDER_RENEWABLE_MATCH[pid]
            e["renewable_match_percent"], e["renewable_match_year"] = pct, year
            e["renewable_match_source"] = src
        e["source"] = "; ".join(srcs)
        providers.append(e)

    # union of regions
    regions = collections.OrderedDict()

    def reg(rid):
        if rid not in regions:
            regions[rid] = {"id": rid, "#": []}
        return regions[rid]

    # 1. CodeCarbon cloud_impact.csv (newest intensities)
    for r in read_csv(os.path.join(ref, "codecarbon", "cloud_impact.csv")):
        p, code = clean(r["provider"]), clean(r["region"])
        code = CODECARBON_REGION_FIX.get(code, code)
        e = reg("%s:%s" % (p, code))
        e["_code"] = code
        if code != clean(r["region"]):
            e["#"].append("cloud_impact.csv spells this region %r" % clean(r["region"]))
        city = clean(r["city"])
        e["name"] = "%s (%s)" % (clean(r["country_name"]), city) if city else clean(r["country_name"])
        src = clean(r["source"])
        e["intensity_g_per_kwh"] = plain(num(r["impact"]))
        e["source"] = "%s, via CodeCarbon cloud_impact.csv (%s)" % (src, CC_URL)
        e["year"] = year_from(src, 2022)
        a2 = ALPHA3_TO_2[clean(r["countryIsoCode"])]
        e["_loc"] = a2
    # 2. Green Algorithms v3.0 data centres (location, region PUE)
    for g in ga["regions"]:
        p, n = g["id"].split(":", 1)
        code = azure_code(n) if p == "azure" else n
        e = reg("%s:%s" % (p, code))
        e["_code"] = code
        if p == "azure":
            e["name"] = n.replace("Northeastt", "Northeast")
        elif "name" not in e and g.get("name"):
            e["name"] = g["name"]
        if "location" in g:
            loc = CO2CALC_REGION_LOC_REMAP.get(g["location"], g["location"])
            e["_ga_loc"] = CO2CALC_GA_CODE.get(loc, loc)
        if "pue" in g:
            e["pue"], e["pue_source"], e["pue_year"] = g["pue"], g["pue_source"], g["pue_year"]
        if "source" not in e:
            e["source"] = "%s (location: Green Algorithms v3.0 cloudProviders_datacenters.csv)" \
                % g["source"]
            e["year"] = g["year"]
    # 3. ML CO2 Impact impact.csv
    for m in mlco2["regions"]:
        p, code = m["id"].split(":", 1)
        e = reg(m["id"])
        e.setdefault("_code", code)
        if p == "aws" or "name" not in e:
            e["name"] = m["name"]
        if "pue" not in e and "pue" in m:
            e["pue"], e["pue_source"], e["pue_year"] = m["pue"], m["pue_source"], m["pue_year"]
        if "source" not in e:
            e["source"] = "ML CO2 Impact impact.csv (%s); location from its country/state/" \
                          "city columns" % MLCO2_URL
            e["year"] = MLCO2_YEAR
            e["_ml_intensity"] = m

    # 4. Google Cloud: the newest year of Google's own per-region grid intensity, for every
    # Google region (replacing CodeCarbon's copy of an older year), and the regions only
    # that table has.
    gdir = os.path.join(ref, "google-region-carbon")
    gyear = max(int(f[:4]) for f in os.listdir(gdir) if re.match(r"^[0-9]{4}\.csv$", f))
    for r in read_csv(os.path.join(gdir, "%d.csv" % gyear)):
        code = clean(r["Google Cloud Region"])
        rid = "gcp:" + code
        new = rid not in regions
        e = reg(rid)
        e.setdefault("_code", code)
        if new:
            e["name"] = clean(r["Location"])
        old = e.get("intensity_g_per_kwh")
        e["intensity_g_per_kwh"] = plain(num(r["Grid carbon intensity (gCO2eq / kWh)"]))
        if old is not None and old != e["intensity_g_per_kwh"]:
            e["#"].append("CodeCarbon cloud_impact.csv gives %s g/kWh (an older year of the "
                          "same table)" % old)
        e["source"] = GOOGLE_CARBON_SRC % (gyear, code, GOOGLE_CARBON_URL)
        e["year"] = gyear
        cfe = decimal.Decimal(clean(r["Google CFE"])) * 100
        e["cfe_percent"] = plain(float(cfe))
        e["cfe_source"] = GOOGLE_CFE_SRC % (gyear, code, GOOGLE_CARBON_URL)
        e["cfe_year"] = gyear
        e.pop("_ml_intensity", None)
    missing = [c for c in GCP_TPU_REGIONS if "gcp:" + c not in regions]
    if missing:
        raise SystemExit("Google Cloud TPU regions missing: %s" % ", ".join(missing))

    out = []
    for rid, e in regions.items():
        loc = CO2CALC_REGION_LOC.get(rid) if rid in CO2CALC_REGION_LOC_OVERRIDE else None
        loc = loc or e.pop("_ga_loc", None) or CO2CALC_REGION_LOC.get(rid) or e.get("_loc")
        e.pop("_ga_loc", None)
        e.pop("_loc", None)
        m = e.pop("_ml_intensity", None)
        if loc is None:
            raise SystemExit("co2calc region %s: no location" % rid)
        if loc not in loc_codes:
            raise SystemExit("co2calc region %s: location %s not in locations" % (rid, loc))
        e["location"] = loc
        if m is not None and m["year"] > loc_codes[loc]["year"]:
            e["intensity_g_per_kwh"] = m["intensity_g_per_kwh"]
            e["source"] = m["source"] + " (via ML CO2 Impact impact.csv, %s)" % MLCO2_URL
            e["year"] = m["year"]
            e["#"].append("newer than the figure of location %s (%s), so kept"
                          % (loc, loc_codes[loc]["year"]))
        elif m is not None:
            e["#"].append("ML CO2 Impact gives %s g/kWh (%s); co2calc takes the newer figure "
                          "of location %s" % (m["intensity_g_per_kwh"], m["year"], loc))
        out.append(e)
    bare_alias(out)
    return providers, out, unknown


def build_co2calc_regions(ref, mlco2, ga3):
    d = os.path.join(DATA, "co2calc")
    ed = ("co2calc", CO2CALC_DATE)
    cm = ["Generated by scripts/convert-reference-data.py from CodeCarbon (%s," % CC_URL,
          "commit b05965e, MIT), Green Algorithms v3.0 (%s, commit 30df2fe," % GA_URL,
          "CC-BY 4.0) and ML CO2 Impact (%s, commit d0d3ee5, MIT)." % MLCO2_URL,
          GA_CREDIT + ".",
          "Do not edit by hand: fix the converter and re-run it."]
    bylic = co2calc_locations(ref, ga3["locations"])
    locs = common_location_aliases(bylic["main"])
    provs, regs, _ = co2calc_regions(ref, mlco2, ga3,
                                     {l["code"]: l for l in all_locations(bylic)})
    lic = "CC-BY-4.0"
    cm_loc = cm[:-1] + ["Sub-national grids: Australian Government National Greenhouse Accounts "
                        "Factors 2024 (CC-BY 4.0),", "Canada's 2023 provincial mix (CodeCarbon), "
                        "US EPA eGRID2023 (public domain), carbonfootprint.com (older "
                        "points).", cm[-1]]
    write_yaml(os.path.join(d, "locations.yaml"), cm_loc,
               header(*ed, "Carbon intensity of electricity by country and grid region "
                      "(co2calc curated)", CC_URL, lic, [locs]),
               [("locations", locs)])
    odbl = ["Generated by scripts/convert-reference-data.py from Electricity Maps' yearly zone",
            "data 2021-2025 as republished by The Green Web Foundation's CO2.js (commit 27cbe83).",
            "Licence: Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/.",
            "Attribution: Electricity Maps (https://www.electricitymaps.com). A database made",
            "from these figures is shared under the ODbL too; they are kept in this file alone.",
            "Do not edit by hand: fix the converter and re-run it."]
    write_yaml(os.path.join(d, "locations-odbl.yaml"), odbl,
               header(*ed, "Nordic bidding zones (Electricity Maps yearly data, ODbL)",
                      "https://www.electricitymaps.com", "ODbL-1.0", [bylic["odbl"]]),
               [("locations", bylic["odbl"])])
    sa = ["Generated by scripts/convert-reference-data.py from Ember's yearly electricity data",
          "as republished by The Green Web Foundation's CO2.js (commit 27cbe83).",
          "Licence: CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/. Attribution:",
          "Ember (https://ember-energy.org). What is made from these figures is shared alike;",
          "they are kept in this file alone.",
          "Do not edit by hand: fix the converter and re-run it."]
    write_yaml(os.path.join(d, "locations-cc-by-sa.yaml"), sa,
               header(*ed, "World average (Ember, CC BY-SA)", "https://ember-energy.org",
                      "CC-BY-SA-4.0", [bylic["ccbysa"]]),
               [("locations", bylic["ccbysa"])])
    write_yaml(os.path.join(d, "regions.yaml"), cm,
               header(*ed, "Cloud providers and regions (co2calc curated)", CC_URL, lic,
                      [provs, regs]),
               [("providers", provs), ("regions", regs)])
    return {"locations": all_locations(bylic), "providers": provs, "regions": regs}


# --------------------------------------------------------------------------------------
# co2calc CPUs
#
# One entry per chip. CodeCarbon's cpu_power.csv (a name and a TDP per row) gives the
# rows; the spec tables add the core and thread counts, the vendor's TDP and the launch
# year: Intel ARK and AMD's specification pages (as CodeCarbon scraped them), Boavizta's
# crowdsourced table (each row names the page it was read from), Green Algorithms v3.0,
# SPECpower results (cores per chip), and data/co2calc/cpus-curated.csv (hand-checked
# figures, one vendor page per row). A chip no table covers keeps its cpu_power.csv row.
#
# Names are matched on cpu_key(): vendor marks, "Processor", "with Radeon ... Graphics",
# "(OEM Only)", "6th Gen" and the difference between a space and a hyphen do not count;
# digits run together or apart do ("Opteron X2 170" is not "Opteron X2170", "Celeron
# 2.20" is not "Celeron 220"). Nothing is matched on a part of a name, except a bare
# model number of CodeCarbon's (see bare_amd) that exactly one AMD row ends with.

CC_CPU_SRC = "CodeCarbon cpu_power.csv (%s)" % CC_URL
CC_CPU_YEAR = 2024
BOA_URL = "https://github.com/Boavizta/boaviztapi"
CCF_URL = "https://github.com/cloud-carbon-footprint/cloud-carbon-coefficients"
ARK_SRC = ("Intel ARK (https://ark.intel.com) as scraped in CodeCarbon "
           "intel_cpu_ark_dataset.csv (%s)" % CC_URL)
AMD_SRC = ("AMD specifications (https://www.amd.com/en/products/specifications/processors.html)"
           " as scraped in CodeCarbon amd_cpu_%%s_dataset.csv (%s)" % CC_URL)
BOA_SRC = "%s (via Boavizta cpu_specs.csv)"
SPEC_SRC = ("SPECpower_ssj2008 results (https://www.spec.org/power_ssj2008/results/) as "
            "republished by Cloud Carbon Footprint (%s)" % CCF_URL)
CURATED_CSV = os.path.join(DATA, "co2calc", "cpus-curated.csv")

# /proc/cpuinfo "model name" spellings of common server CPUs (only for names in the
# table; base clocks from the vendors' product pages) and core counts of those models.
CPUINFO = {
    "Intel Xeon Gold 6148": ("Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", 20),
    "Intel Xeon Gold 6248": ("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 20),
    "Intel Xeon Gold 6252": ("Intel(R) Xeon(R) Gold 6252 CPU @ 2.10GHz", 24),
    "Intel Xeon Gold 6142": ("Intel(R) Xeon(R) Gold 6142 CPU @ 2.60GHz", 16),
    "Intel Xeon Gold 6130": ("Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz", 16),
    "Intel Xeon Gold 6140": ("Intel(R) Xeon(R) Gold 6140 CPU @ 2.30GHz", 18),
    "Intel Xeon Gold 6230": ("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz", 20),
    "Intel Xeon Gold 6240": ("Intel(R) Xeon(R) Gold 6240 CPU @ 2.60GHz", 18),
    "Intel Xeon Platinum 8160": ("Intel(R) Xeon(R) Platinum 8160 CPU @ 2.10GHz", 24),
    "Intel Xeon Platinum 8168": ("Intel(R) Xeon(R) Platinum 8168 CPU @ 2.70GHz", 24),
    "Intel Xeon Platinum 8180": ("Intel(R) Xeon(R) Platinum 8180 CPU @ 2.50GHz", 28),
    "Intel Xeon Platinum 8260": ("Intel(R) Xeon(R) Platinum 8260 CPU @ 2.40GHz", 24),
    "Intel Xeon Platinum 8268": ("Intel(R) Xeon(R) Platinum 8268 CPU @ 2.90GHz", 24),
    "Intel Xeon Platinum 8280": ("Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz", 28),
    "Intel Xeon Platinum 8358": ("Intel(R) Xeon(R) Platinum 8358 CPU @ 2.60GHz", 32),
    "Intel Xeon Platinum 8380": ("Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz", 40),
    "Intel Xeon E5-2699 v4": ("Intel(R) Xeon(R) CPU E5-2699 v4 @ 2.20GHz", 22),
    "Intel Xeon E5-2698 v4": ("Intel(R) Xeon(R) CPU E5-2698 v4 @ 2.20GHz", 20),
    "Intel Xeon E5-2680 v4": ("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 14),
    "Intel Xeon E5-2690 v4": ("Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz", 14),
    "Intel Xeon E5-2699 v3": ("Intel(R) Xeon(R) CPU E5-2699 v3 @ 2.30GHz", 18),
    "AMD EPYC 7742": ("AMD EPYC 7742 64-Core Processor", 64),
    "AMD EPYC 7702": ("AMD EPYC 7702 64-Core Processor", 64),
    "AMD EPYC 7H12": ("AMD EPYC 7H12 64-Core Processor", 64),
    "AMD EPYC 7763": ("AMD EPYC 7763 64-Core Processor", 64),
    "AMD EPYC 7713": ("AMD EPYC 7713 64-Core Processor", 64),
    "AMD EPYC 7B12": ("AMD EPYC 7B12 64-Core Processor", 64),
    "AMD EPYC 7642": ("AMD EPYC 7642 48-Core Processor", 48),
    "AMD EPYC 7552": ("AMD EPYC 7552 48-Core Processor", 48),
    "AMD EPYC 7R13": ("AMD EPYC 7R13 48-Core Processor", 48),
    "AMD EPYC 7452": ("AMD EPYC 7452 32-Core Processor", 32),
    "AMD EPYC 7502": ("AMD EPYC 7502 32-Core Processor", 32),
    "AMD EPYC 7542": ("AMD EPYC 7542 32-Core Processor", 32),
    "AMD EPYC 7543": ("AMD EPYC 7543 32-Core Processor", 32),
    "AMD EPYC 7513": ("AMD EPYC 7513 32-Core Processor", 32),
    "AMD EPYC 7302": ("AMD EPYC 7302 16-Core Processor", 16),
    "AMD EPYC 7313": ("AMD EPYC 7313 16-Core Processor", 16),
    "AMD EPYC 9654": ("AMD EPYC 9654 96-Core Processor", 96),
    "AMD EPYC 9554": ("AMD EPYC 9554 64-Core Processor", 64),
    "AMD EPYC 9454": ("AMD EPYC 9454 48-Core Processor", 48),
    "AMD EPYC 9354": ("AMD EPYC 9354 32-Core Processor", 32),
}


def read_hand_names(path):
    """Names and aliases of a hand-written hardware file (our own simple layout)."""
    keys = set()
    if not os.path.exists(path):
        return keys
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'^\s*-?\s*name:\s*(".*")\s*$', line)
            if m:
                keys.add(norm(json.loads(m.group(1))))
            m = re.match(r"^\s*aliases:\s*(\[.*\])\s*$", line)
            if m:
                keys.update(norm(a) for a in json.loads(m.group(1)))
    return keys


# Which table wins when several give a figure (lower wins). The vendor's own pages come
# first; Boavizta's rows mostly cite TechPowerUp; Green Algorithms' core counts have no
# row source; SPECpower's are what the tested machines reported.
CPU_RANK = {"curated": 0, "ark": 1, "amd": 1, "boavizta": 2, "ga": 3, "specpower": 4}
CPU_TABLE = {"curated": "cpus-curated.csv", "ark": "Intel ARK", "amd": "AMD",
             "boavizta": "Boavizta", "ga": "Green Algorithms v3.0",
             "specpower": "SPECpower"}

_MARKS = re.compile(r"\u00ae|\u2122|\((?:R|TM|r|tm)\)")


def cpu_display(name):
    """A product name as people write it: no vendor marks, no 'Processor', no 'with
    Radeon ... Graphics' or ARK's '(12M Cache, up to 4.60 GHz)'."""
    s = clean(_MARKS.sub("", clean(name)))
    s = re.sub(r"\s+(?:with|and)\s+(?:AMD\s+)?(?:Radeon|Near Silent|Wraith)\b.*$", "", s)
    s = re.sub(r"\s+(?:X-series|(?:Processor )?Extreme Edition)$", "", s)
    s = re.sub(r"\s*\([^()]*(?:Cache|GHz)[^()]*\)(?:\s+includes\b.*)?$", "", s)
    s = re.sub(r"^(AMD Athlon PRO [0-9]+U) Mobile(?: Processor)?$", r"\1", s)
    s = re.sub(r"\s+Processor$", "", s)
    s = re.sub(r"\bProcessor\s+(?=[A-Z]*[0-9])", "", s)
    return clean(s)


def cpu_key(name, vendor=None):
    """Matching key (see above); vendor ('intel', 'amd') is put first when missing."""
    s = cpu_display(name).lower()
    s = re.sub(r"\b[0-9]+(?:st|nd|rd|th) gen\b", " ", s)
    s = re.sub(r"\((?:oem only|ipu)\)", " ", s)
    s = re.sub(r"\s*\(([a-z0-9]+)\)", r"\1", s)  # "1600 (AF)" is the 1600AF
    s = re.sub(r"\b(?:processors?|cpu|apu|soc)\b", " ", s)
    s = re.sub(r"\b(i[3579])\+(?=[0-9])", r"\1 ", s)  # "i5+8400": the i5-8400 sold with Optane
    toks = [t for t in re.split(r"[\s\-/,_]+", s) if t]
    if vendor and toks and toks[0] != vendor:
        toks.insert(0, vendor)
    if len(toks) > 1 and toks[0] in ("amd", "intel") and toks[0] in toks[1:]:
        toks = toks[1:]   # CodeCarbon's "AMD 6th Gen AMD PRO A10-8700B APU"
    return " ".join(toks)


def launch_year(text):
    """Launch year from "Q3'17", "Q216", "2Q18", "Q1 2019", "10/10/2024",
    "Channel: 7/27/2017, OEM: 9/5/2016" (the earliest) or "2017-06-29"."""
    t = clean(text)
    ys = [int(y) for y in re.findall(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", t)]
    if ys:
        return min(ys)
    m = re.search(r"Q[1-4]\s*'?\s*([0-9]{2})$|^[1-4]Q([0-9]{2})$", t)
    if m:
        return 2000 + int(m.group(1) or m.group(2))
    return None


def amd_watts(tdp, ctdp):
    """AMD's 'Default TDP' and 'cTDP' cells -> (TDP, highest figure, what it is)."""
    t = clean(tdp).replace(" ", "")
    hi, what = None, None
    m = re.match(r"^([0-9.]+)\+?W$", t)
    if m:
        base = float(m.group(1))
    elif re.match(r"^([0-9.]+)W/([0-9.]+)W$", t):  # EPYC 7001: DDR4-2400 / DDR4-2666
        a, b = re.match(r"^([0-9.]+)W/([0-9.]+)W$", t).groups()
        base, hi = float(a), float(b)
        what = "TDP with DDR4-2666 memory (%s W with DDR4-2400)" % plain(base)
    elif re.match(r"^([0-9.]+)-([0-9.]+)/([0-9.]+)W$", t):  # "10-25/25W": cTDP/TDP
        a, b, c = re.match(r"^([0-9.]+)-([0-9.]+)/([0-9.]+)W$", t).groups()
        base, hi = float(c), float(b)
        what = "top of the configurable TDP range (%s-%s W)" % (a, b)
    elif re.match(r"^([0-9.]+)-([0-9.]+)W$", t):  # a range as the default TDP
        a, b = re.match(r"^([0-9.]+)-([0-9.]+)W$", t).groups()
        base, hi = float(a), float(b)
        what = "top of the default TDP range AMD gives (%s-%s W); power_w is its bottom" % (a, b)
    else:
        return None, None, None
    c = clean(ctdp).replace(" ", "").rstrip("W")
    if c:
        nums = [float(x) for x in re.findall(r"[0-9.]+", c)]
        if nums and max(nums) > (hi or base):
            hi = max(nums)
            what = "top of the configurable TDP range (cTDP %s W)" % c
    if hi is not None and hi <= base:
        hi, what = None, None
    return plain(base), (plain(hi) if hi else None), what


# A bare model of AMD's desktop table ("860K", "B57", "N640"): the brand its series
# starts with ("Athlon X4" -> Athlon, "Phenom II Dual-Core Mobile Processors" -> Phenom
# II), as AMD names the others ("AMD Athlon 860K", "AMD Phenom II 1075T"), else its family.
def amd_bare_name(name, family, series):
    s = clean(_MARKS.sub("", series))
    if re.search(r"\bAMD\b", name):
        return name
    if re.match(r"^(?:FX|A[0-9]+|E[0-9]|Athlon|Sempron|Phenom|[0-9]+th Gen)", name):
        return "AMD " + name
    m = re.match(r"^(Phenom II|Athlon II|Athlon)\b", s)
    return "AMD %s %s" % (m.group(1) if m else clean(family), name)


def spec_rec(table, name, key, source, cores=None, threads=None, tdp=None, tdp_max=None,
             max_what=None, year=None, note=None, power_type=None, aliases=()):
    cores = int(cores) if cores and cores == int(cores) and cores > 0 else None
    threads = int(threads) if threads and threads == int(threads) and threads > 0 else None
    if threads and (not cores or threads < cores):
        threads = None
    return {"table": table, "name": name, "key": key, "source": source, "cores": cores,
            "threads": threads, "tdp": plain(tdp) if tdp and 1 <= tdp <= 2000 else None,
            "tdp_max": plain(tdp_max) if tdp_max else None, "max_what": max_what,
            "year": year, "note": note, "power_type": power_type, "aliases": list(aliases)}


def cpu_specs(ref):
    """Every row of the spec tables as a record (see spec_rec), in file order."""
    recs = []
    d = os.path.join(ref, "codecarbon", "cpu_dataset_builder")
    for r in read_csv(os.path.join(d, "intel_cpu_ark_dataset.csv")):
        name = cpu_display(r["cpu_name"])
        if not name.startswith("Intel"):
            name = "Intel " + name
        recs.append(spec_rec("ark", name, cpu_key(name, "intel"), ARK_SRC,
                             cores=num(r["total_cores"]), tdp=num(r["tdp"]),
                             year=launch_year(r["launch_date"])))
    for which in ("desktop", "server"):
        for r in read_csv(os.path.join(d, "amd_cpu_%s_dataset.csv" % which)):
            name = cpu_display(r["Name"])
            if not name.startswith("AMD"):
                name = amd_bare_name(name, r.get("Family", ""), r["Series"])
            tdp, hi, what = amd_watts(r["Default TDP"], r["AMD Configurable TDP (cTDP)"])
            recs.append(spec_rec("amd", name, cpu_key(name, "amd"), AMD_SRC % which,
                                 cores=num(r["# of CPU Cores"]), threads=num(r["# of Threads"]),
                                 tdp=tdp, tdp_max=hi, max_what=what,
                                 year=launch_year(r["Launch Date"])))
    for r in read_csv(os.path.join(ref, "boavizta", "crowdsourcing", "cpu_specs.csv")):
        name = clean(_MARKS.sub("", r["name"]))
        urls = re.findall(r"https?://[^\s,;]+", r["source"])
        recs.append(spec_rec("boavizta", name, cpu_key(name),
                             BOA_SRC % (", ".join(urls) or "a row without a source"),
                             cores=num(r["cores"]), threads=num(r["threads"]),
                             tdp=num(r["tdp"]), year=launch_year(r["release_date"])))
    for r in read_csv(os.path.join(ref, "green-algorithms", "v3.0", "TDP_cpu.csv"), skip=1):
        model = clean(r["model"])
        if num(r["TDP"]) is None:
            continue
        name = ga_cpu_vendor_name(model) or model
        src = clean(r["source"])
        recs.append(spec_rec("ga", name, cpu_key(name),
                             "%s (via Green Algorithms v3.0 TDP_cpu.csv, %s)" % (src, GA_URL)
                             if src else "Green Algorithms v3.0 TDP_cpu.csv (%s)" % GA_URL,
                             cores=num(r["n_cores"]), tdp=num(r["TDP"]),
                             note=clean(r["TDP_per_core"]), aliases=[model]))
    # SPECpower: a chip's cores and threads per chip, kept only when every result agrees
    spec = collections.OrderedDict()
    for r in read_csv(os.path.join(ref, "ccf", "data", "SPECpower-full-results.csv")):
        chips, cores, thr = num(r["Chips"]), num(r["Cores"]), num(r["Total Threads"])
        if not chips or not cores:
            continue
        name = cpu_display(r["CPU Description"])
        if re.match(r"(?i)(xeon|core|pentium|celeron|atom)\b", name):
            name = "Intel " + name
        elif re.match(r"(?i)(epyc|opteron|ryzen|athlon)\b", name):
            name = "AMD " + name
        if not re.match(r"(?i)(intel|amd) ", name):
            continue
        spec.setdefault(cpu_key(name), []).append(
            (name, cores / chips, thr / chips if thr else None))
    for key, rows in spec.items():
        cs = {c for _, c, _ in rows}
        ts = {t for _, _, t in rows}
        if len(cs) != 1:
            warn("SPECpower: %s reported with %s cores per chip: not used"
                 % (rows[0][0], "/".join(str(plain(c)) for c in sorted(cs))))
            continue
        c = cs.pop()
        t = ts.pop() if len(ts) == 1 else None
        recs.append(spec_rec("specpower", rows[0][0], key, SPEC_SRC, cores=c,
                             threads=t if t in (c, 2 * c) else None))
    # hand-checked rows last: they override every table for the figures they give
    for r in read_curated(CURATED_CSV):
        recs.append(r)
    return recs


def read_curated(path):
    out = []
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f if l.strip() and not l.lstrip().startswith("#")]
    for i, r in enumerate(csv.DictReader(lines)):
        r = {k: clean(v) for k, v in r.items()}
        where = "cpus-curated.csv row %d (%s)" % (i + 1, r.get("name"))
        if not r["name"] or not r["source"].startswith("http") or not num(r["year"]):
            raise SystemExit("%s: needs a name, a source URL and a year" % where)
        rec = spec_rec("curated", r["name"], cpu_key(r["name"]), r["source"],
                       cores=num(r["cores"]), threads=num(r["threads"]), tdp=num(r["power_w"]),
                       tdp_max=num(r["power_max_w"]), max_what=r["power_max_what"] or None,
                       year=int(num(r["year"])), note=r["note"] or None,
                       power_type=r["power_type"] or None,
                       aliases=[a for a in r["aliases"].split(";") if a.strip()])
        if num(r["power_max_w"]) and not r["power_max_what"]:
            raise SystemExit("%s: power_max_w needs power_max_what" % where)
        out.append(rec)
    return out


def bare_amd(name, tdp, amd_recs):
    """The AMD row a bare model of cpu_power.csv stands for ('6140' -> AMD Opteron 6140):
    the one row whose key ends with the model's, or the one of those with the same TDP."""
    k = " " + cpu_key(name)
    hits = [r for r in amd_recs if r["key"] == "amd" + k] or \
        [r for r in amd_recs if r["key"].endswith(k)]
    names = {r["key"] for r in hits}
    if len(names) > 1:
        hits = [r for r in hits if r["tdp"] == tdp]
        names = {r["key"] for r in hits}
    return hits[0] if len(names) == 1 else None


def cpu_sources(parts):
    """'TDP: A; cores, threads: B' from [(figure, source)], one source said once."""
    by = collections.OrderedDict()
    for what, src in parts:
        by.setdefault(src, []).append(what)
    if len(by) == 1:
        return next(iter(by))
    return "; ".join("%s: %s" % (", ".join(w), s) for s, w in by.items())


def co2calc_cpus(ref):
    accel = read_hand_names(os.path.join(DATA, "co2calc", "accelerators.yaml"))
    recs = cpu_specs(ref)
    amd_recs = [r for r in recs if r["table"] == "amd"]
    # a hand-checked row's other names ("Annapurna Labs Graviton2" for AWS Graviton2)
    # bring the other tables' rows of that chip to it
    curated = {r["key"]: r for r in recs if r["table"] == "curated"}
    same = {cpu_key(a): r["key"] for r in curated.values() for a in r["aliases"]}
    for r in recs:
        r["key"] = same.get(r["key"], r["key"])
    by_key = collections.defaultdict(list)
    for r in recs:
        by_key[r["key"]].append(r)

    # 1. CodeCarbon's rows, one entry per key
    out = collections.OrderedDict()   # key -> entry
    extra = collections.defaultdict(list)
    for r in read_csv(os.path.join(ref, "codecarbon", "cpu_power.csv")):
        raw = clean(r["Name"])
        tdp = num(r["TDP"])
        if tdp is None:
            warn("codecarbon cpu_power.csv: %r has TDP %r, not a number: skipped"
                 % (raw, r["TDP"]))
            continue
        if not 1 <= tdp <= 2000:
            warn("codecarbon cpu_power.csv: %r has TDP %s W, outside 1-2000 W: skipped"
                 % (raw, plain(tdp)))
            continue
        name, notes, old, split = raw, [], [], []
        key = cpu_key(raw)
        if key in same:
            # a name cpus-curated.csv gives as another of a chip's ("TL-52")
            key = same[key]
            name = curated[key]["name"]     # its note says what CodeCarbon calls it
        elif not re.match(r"(intel|amd|apple|arm)", key) or re.match(r"amd [^ ]+$", key):
            # a bare model, or "AMD 860K": AMD's table names the family ("AMD Athlon 860K")
            hit = bare_amd(re.sub(r"(?i)^AMD ", "", raw), plain(tdp), amd_recs)
            if hit is None:
                warn("codecarbon cpu_power.csv: %r: vendor unknown, kept as it is" % raw)
            else:
                name, key = hit["name"], hit["key"]
                notes.append("CodeCarbon cpu_power.csv names it '%s'" % raw)
        if raw == "Intel Celeron 2.20":
            # a Celeron named by its clock, which "Intel Celeron 220" (a Conroe-L of 2007,
            # 19 W) would otherwise stand for as well
            name = raw + " GHz"
            notes.append("CodeCarbon cpu_power.csv names it '%s' (a Celeron clocked at "
                         "%s GHz)" % (raw, raw.split()[-1]))
            split.append(raw)
        m = re.match(r"^AMD Opteron X2 ([0-9]+(?: HE)?)$", raw)
        if m:
            # CodeCarbon's "X2" marks AMD's dual-core Opteron models ("Dual-Core AMD
            # Opteron Processor 170"); "Opteron X2 170" read as the Opteron X2170 APU
            name = "AMD Opteron " + m.group(1)
            key = cpu_key(name)
            notes.append("CodeCarbon cpu_power.csv names it '%s'; a dual-core Opteron" % raw)
            split.append(raw)
        if norm(name) in accel:
            warn("codecarbon cpu_power.csv: %r (%s W) left out: accelerators.yaml has a "
                 "curated entry of that name" % (raw, plain(tdp)))
            continue
        if key in out:
            extra[key].append((raw, plain(tdp)))
            continue
        out[key] = {"name": name, "kind": "cpu", "_cc_tdp": plain(tdp), "_notes": notes,
                    "_old": old, "_split": split}
    for key, rows in extra.items():
        e = out[key]
        vendor_named = [n for n, _ in rows if re.search(r"(?i)\b(intel|amd)\b", n)]
        if not re.search(r"(?i)\b(intel|amd)\b", e["name"]) and vendor_named:
            e["_old"].append(e["name"])
            e["name"] = vendor_named[0]
        for n, t in rows:
            e["_old"].append(n)
            if t != e["_cc_tdp"]:
                e["_notes"].append("cpu_power.csv also lists '%s' at %s W" % (n, t))
                warn("codecarbon cpu_power.csv: %r (%s W) merged into %r (%s W)"
                     % (n, t, e["name"], e["_cc_tdp"]))

    n_rows = sum(1 + len(extra.get(k, [])) for k in out)
    warn("codecarbon cpu_power.csv: %d rows are %d chips" % (n_rows, len(out)))
    n_cc = len(out)
    # 2. chips of the spec tables that cpu_power.csv lacks (named as the best table names them)
    for r in sorted(recs, key=lambda r: CPU_RANK[r["table"]]):
        if r["key"] in out or r["table"] == "specpower" or not r["cores"] or not r["tdp"]:
            continue
        if any(norm(a) in accel for a in [r["name"]] + r["aliases"]):
            continue
        out[r["key"]] = {"name": r["name"], "kind": "cpu", "_cc_tdp": None, "_notes": [],
                         "_old": [], "_split": []}

    warn("CPU spec tables: %d chips that cpu_power.csv lacks" % (len(out) - n_cc))
    # 3. the figures of each entry
    entries = []
    for key, e in out.items():
        rs = sorted(by_key.get(key, []), key=lambda r: CPU_RANK[r["table"]])
        parts, notes = [], e.pop("_notes")
        with_cores = [r for r in rs if r["cores"]]
        spec = {r["cores"] for r in with_cores if r["table"] == "specpower"}
        if with_cores and spec and with_cores[0]["cores"] not in spec:
            # what the tested machines reported contradicts the tables: no count is safer
            notes.append("no core count: %s gives %d, SPECpower results %s" % (
                CPU_TABLE[with_cores[0]["table"]], with_cores[0]["cores"],
                "/".join(str(c) for c in sorted(spec))))
            warn("cores of %s left out: %s" % (e["name"], notes[-1]))
            with_cores = []
        if with_cores:
            best = with_cores[0]
            e["cores"] = best["cores"]
            parts.append(("cores", best["source"]))
            others = sorted({"%s %d" % (CPU_TABLE[r["table"]], r["cores"])
                             for r in with_cores if r["cores"] != best["cores"]})
            if others:
                warn("cores of %s: %s %d kept; %s" % (e["name"], CPU_TABLE[best["table"]],
                                                     best["cores"], ", ".join(others)))
            thr = next((r for r in with_cores if r["threads"] and r["cores"] == e["cores"]),
                       None)
            if thr:
                e["threads"] = thr["threads"]
                parts.append(("threads", thr["source"]))
        # TDP: the vendor's, else CodeCarbon's, else the next table's
        vend = next((r for r in rs if r["tdp"] and r["table"] in ("curated", "ark", "amd")),
                    None)
        power = vend or (None if e["_cc_tdp"] else next((r for r in rs if r["tdp"]), None))
        cc = e.pop("_cc_tdp")
        if power:
            e["power_w"] = power["tdp"]
            parts.insert(0, ("TDP", power["source"]))
            if cc is not None and cc != power["tdp"]:
                notes.append("CodeCarbon cpu_power.csv gives %s W" % cc)
            if power["power_type"]:
                e["power_type"] = power["power_type"]
                if power["power_type"] == "estimate":
                    e["uncertain"] = True  # an estimate is always marked so (SCHEMA.md)
        else:
            e["power_w"] = cc
            parts.insert(0, ("TDP", CC_CPU_SRC))
        e.setdefault("power_type", "tdp")
        hi = power if power and power["tdp_max"] else next(
            (r for r in rs if r["tdp_max"] and r["table"] == "curated"), None)
        if hi and hi["tdp_max"] > e["power_w"]:
            e["power_max_w"] = hi["tdp_max"]
            parts.append(("power_max_w", hi["source"]))
            notes.append("power_max_w: %s" % hi["max_what"])
        yr = next((r for r in rs if r["year"]), None)
        if yr:
            e["year"] = yr["year"]
            parts.append(("launch year", yr["source"]))
        else:
            e["year"] = CC_CPU_YEAR
            notes.append("launch year not in the sources: year is that of CodeCarbon's table")
        for r in rs:
            if r["table"] == "ga" and e.get("cores"):
                # Green Algorithms' TDP per core is its TDP / its cores, rounded to 0.1 W;
                # this edition divides the TDP above by the cores above (SCHEMA.md)
                here = e["power_w"] / e["cores"]
                if r["tdp"] != e["power_w"] or abs(float(r["note"]) - round(here, 1)) > 1e-9:
                    notes.append("Green Algorithms v3.0 gives %s W, %s W per core (TDP / "
                                 "cores here: %s W)" % (r["tdp"], r["note"],
                                                        plain(round(here, 2))))
            if r["note"] and r["table"] == "curated":
                notes.append(r["note"])
            if r["table"] == "boavizta" and r["tdp"] and r["tdp"] != e["power_w"]:
                notes.append("Boavizta's cpu_specs.csv gives %s W" % r["tdp"])
        e["source"] = cpu_sources(parts)
        e["note"] = "; ".join(notes)
        e["_aliases"] = e.pop("_old") + [a for r in rs for a in r["aliases"]]
        entries.append(e)

    # 4. names are unique as the loader compares them (letters and digits, any case)
    seen = {}
    for e in entries:
        k = norm(e["name"])
        if k in seen:
            raise SystemExit("cpus: %r and %r have the same lookup key" % (seen[k], e["name"]))
        seen[k] = e["name"]

    # 5. other spellings: merged rows, Green Algorithms' names, /proc/cpuinfo's
    taken = claim(entries, "name")
    for k in accel:
        taken.setdefault(k, "(accelerators.yaml)")
    for e in entries:
        cands = e.pop("_aliases")
        m = re.match(r"^AMD (?:PRO )?[0-9]th Gen (.*?)(?: APU)?$", e["name"])
        if m:
            cands.append("AMD " + m.group(1))
        if e["name"] in CPUINFO:
            spelling, cores = CPUINFO[e["name"]]
            cands.append(spelling)
            if not e.get("cores"):
                e["cores"] = cores
                e["source"] += "; cores: the vendor's product page"
            elif e["cores"] != cores:
                raise SystemExit("cores mismatch for %s" % e["name"])
        add_aliases(e, cands, taken)
    # CodeCarbon's spelling of a chip split from another ("Intel Celeron 2.20", "AMD
    # Opteron X2 170") stays an alias although its key is the other chip's: a lookup
    # prefers the entry spelled exactly as asked, and refuses the key alone as ambiguous
    spellings = {s.lower() for e in entries for s in [e["name"]] + e.get("aliases", [])}
    for e in entries:
        for s in e.pop("_split"):
            if s.lower() not in spellings:
                e.setdefault("aliases", []).append(s)
                spellings.add(s.lower())
    missing = [n for n in CPUINFO if norm(n) not in {norm(e["name"]) for e in entries}]
    if missing:
        warn("cpuinfo aliases not used (model not in the tables): %s" % ", ".join(missing))
    return entries


def build_co2calc_cpus(ref):
    d = os.path.join(DATA, "co2calc")
    cpus = co2calc_cpus(ref)
    cm = ["Generated by scripts/convert-reference-data.py from CodeCarbon cpu_power.csv",
          "(%s, commit b05965e, MIT) and the CPU spec tables: Intel ARK and AMD as" % CC_URL,
          "scraped in CodeCarbon cpu_dataset_builder/, Boavizta crowdsourcing/cpu_specs.csv",
          "(%s, commit 15878f0: its facts, each citing the page of its row)," % BOA_URL,
          "Green Algorithms v3.0 TDP_cpu.csv (%s, commit 30df2fe)," % GA_URL,
          "SPECpower results as republished by Cloud Carbon Footprint (%s," % CCF_URL,
          "commit dda7621) and data/co2calc/cpus-curated.csv (hand-checked, one page per row,",
          "the vendor's where there is one). %s." % GA_CREDIT,
          "power_w is the vendor's base/default TDP, power_max_w its highest figure, year the",
          "launch year: see data/SCHEMA.md. Every entry's source names the table of each figure.",
          "Do not edit by hand: fix the converter and re-run it."]
    write_yaml(os.path.join(d, "cpus.yaml"), cm,
               header("co2calc", CO2CALC_DATE, "CPUs (TDP per package)", CC_URL, "CC-BY-4.0",
                      [cpus]),
               [("hardware", cpus)])
    return {"hardware": cpus}


# ======================================================================================

# --------------------------------------------------------------------------------------
# co2calc embodied carbon of cloud instance types (Cloud Carbon Footprint)

CCF_URL = "https://github.com/cloud-carbon-footprint/cloud-carbon-coefficients"
CCF_YEAR = 2023  # commit dda7621, 2023-05-08


def read_instance_ids(path):
    """The instance ids of the hand-curated instances.yaml, in file order."""
    ids = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'^\s*-\s*id:\s*(".*")\s*$', line)
            if m:
                ids.append(json.loads(m.group(1)))
    return ids


def ccf_embodied_rows(ref):
    """provider -> normalised instance type -> list of CCF embodied rows."""
    out = {}
    for prov, fname in (("aws", "coefficients-aws-embodied.csv"),
                        ("gcp", "coefficients-gcp-embodied.csv"),
                        ("azure", "coefficients-azure-embodied.csv")):
        rows = out.setdefault(prov, {})
        for r in read_csv(os.path.join(ref, "ccf", "output", fname)):
            rows.setdefault(ccf_type_key(prov, r["type"]), []).append((fname, r))
    return out


def ccf_type_key(prov, t):
    t = clean(t).lower()
    if prov == "azure":
        t = re.sub(r"^standard_", "", t).replace("_", " ")
    return t


def co2calc_embodied_instances(ref):
    ids = read_instance_ids(os.path.join(DATA, "co2calc", "instances.yaml"))
    ccf = ccf_embodied_rows(ref)
    out = []
    for iid in ids:
        prov, t = iid.split(":", 1)
        rows = ccf.get(prov, {}).get(ccf_type_key(prov, t))
        if not rows:
            continue
        totals = {r["total"] for _, r in rows}
        if len(totals) != 1:
            warn("ccf embodied: %s has %d different totals (one per CPU); left out"
                 % (iid, len(totals)))
            continue
        fname, r = rows[0]
        # A host whose accelerators Cloud Carbon Footprint does not count (AWS Inferentia)
        # would understate the machine: those keep the per-device figures.
        if num(r["additional_gpus"]) <= 0:
            continue
        parts = ", ".join("%s %s" % (k.replace("additional_", ""), plain(num(r[k])))
                          for k in ("additional_memory", "additional_storage", "additional_cpus",
                                    "additional_gpus"))
        out.append({
            "name": "embodied_instance_kg:" + iid,
            "value": plain(num(r["total"])),
            "unit": "kg CO2eq per host",
            "source": "Cloud Carbon Footprint coefficients, output/%s (%s, commit dda7621, "
                      "Apache-2.0): the whole host of type %s, Teads' method: a base server "
                      "of 1000 kg plus %s" % (fname, CCF_URL, t, parts),
            "year": CCF_YEAR,
        })
    return out


def build_co2calc_embodied_instances(ref):
    consts = co2calc_embodied_instances(ref)
    cm = ["Generated by scripts/convert-reference-data.py from Cloud Carbon Footprint's",
          "embodied coefficients (%s, commit dda7621," % CCF_URL,
          "Apache-2.0), for the instance types of instances.yaml that it covers with their",
          "accelerators. Each figure is the manufacturing footprint of the whole host; an",
          "instance takes its vCPUs' share of it (vcpus / host_vcpus of instances.yaml), as",
          "Cloud Carbon Footprint does. See embodied.yaml for the rest.",
          "Do not edit by hand: fix the converter and re-run it."]
    write_yaml(os.path.join(DATA, "co2calc", "embodied-instances.yaml"), cm,
               header("co2calc", CO2CALC_DATE, "Embodied carbon of cloud instance hosts "
                      "(Cloud Carbon Footprint)", CCF_URL, "Apache-2.0", [consts]),
               [("constants", consts)])
    return consts


def main(argv):
    ref = argv[1] if len(argv) > 1 else DEFAULT_REF
    if not os.path.isdir(ref):
        raise SystemExit("reference data not found: %s" % ref)
    mlco2 = build_mlco2(ref)
    # co2calc locations are needed first (GA's region without a location falls back to them)
    ga3_locs = ga_locations(ref, "3.0")
    WARNINGS.clear()
    fallback = {l["code"] for l in all_locations(co2calc_locations(ref, ga3_locs))}
    WARNINGS.clear()
    ga3 = build_ga(ref, "3.0", fallback)
    ga2 = build_ga(ref, "2.2", fallback)
    cc = build_co2calc_regions(ref, mlco2, ga3)
    cpus = build_co2calc_cpus(ref)
    emb = build_co2calc_embodied_instances(ref)
    for w in WARNINGS:
        print("note: " + w, file=sys.stderr)
    counts = []
    for ed, parts in (("mlco2-impact", mlco2), ("green-algorithms-3.0", ga3),
                      ("green-algorithms-2.2", ga2), ("co2calc", dict(cc, cpus=cpus["hardware"], embodied_instances=emb))):
        counts.append("%s: %s" % (ed, ", ".join("%s %d" % (k, len(v)) for k, v in parts.items())))
    print("\n".join(counts))


if __name__ == "__main__":
    main(sys.argv)
