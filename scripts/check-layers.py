#!/usr/bin/env python3
"""The layering rule, checked: base <- data <- model <- formats <- cli.

Each layer may use only its own layer and those below it; the CLI uses the public API
only. Two checks, so neither an include nor a declaration written by hand slips by:

1. includes: every `#include "..."` of src/<layer>/ and of include/co2calc/ names a
   header of the same layer or below (public headers are ranked the same way);
2. symbols (when a build directory is given): every co2_ or co2__ symbol a layer's object
   files use is defined by objects of the same layer or below, and the CLI's objects use
   no co2__ (internal) symbol at all.

Usage: check-layers.py SOURCE_DIR [BUILD_DIR]     exit status 1 on any violation
"""
import os
import re
import subprocess
import sys

LAYERS = ["base", "data", "model", "formats", "cli"]
RANK = {name: i for i, name in enumerate(LAYERS)}

# The layer of each public header.
PUBLIC = {
    "common.h": "base", "version.h": "base",
    "db.h": "data",
    "estimate.h": "model", "whatif.h": "model",
    "spec.h": "formats", "report.h": "formats", "card.h": "formats",
    "sacct.h": "formats", "batch.h": "formats", "api.h": "formats",
    "co2calc.h": "cli",  # the umbrella: only for users of the whole library
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def header_layer(path):
    """The layer of an included header, or None when it is not one of ours."""
    if path.startswith("co2calc/"):
        name = path[len("co2calc/"):]
        return PUBLIC.get(name, "unknown public header " + name)
    first = path.split("/")[0]
    if first in RANK:
        return first
    return None


def check_includes(src_dir, problems):
    roots = [(os.path.join(src_dir, "src", layer), layer) for layer in LAYERS]
    roots.append((os.path.join(src_dir, "include", "co2calc"), None))
    for root, layer in roots:
        for name in sorted(os.listdir(root)):
            if not name.endswith((".c", ".h", ".h.in")):
                continue
            own = layer or PUBLIC.get(name.replace(".h.in", ".h"))
            if own is None:
                problems.append(f"include/co2calc/{name}: a public header with no layer "
                                "(add it to PUBLIC in scripts/check-layers.py)")
                continue
            text = open(os.path.join(root, name), encoding="utf-8").read()
            for m in INCLUDE.finditer(text):
                inc = m.group(1)
                target = header_layer(inc)
                if target is None:
                    if layer == "cli" and "/" not in inc:
                        continue  # the CLI's own headers, side by side
                    continue
                if target.startswith("unknown"):
                    problems.append(f"{os.path.relpath(root, src_dir)}/{name}: {target}")
                    continue
                line = text.count("\n", 0, m.start()) + 1
                where = f"{os.path.relpath(root, src_dir)}/{name}:{line}"
                if layer == "cli" and not inc.startswith(("co2calc/", "cli/")):
                    problems.append(f"{where}: the CLI includes the internal header "
                                    f"'{inc}' (public headers only)")
                elif RANK[target] > RANK[own]:
                    problems.append(f"{where}: layer '{own}' includes '{inc}' of the "
                                    f"higher layer '{target}'")


def nm(paths, flag):
    out = subprocess.run(["nm", flag, *paths], check=True, capture_output=True,
                         text=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if not parts or line.endswith(":"):
            continue
        if flag == "-u":
            syms.add(parts[-1])
        elif len(parts) == 3 and parts[1] in "TDBRV":
            syms.add(parts[2])
    return syms


def layer_objects(build_dir, layer):
    """The object files of a layer in a CMake build tree."""
    objs = []
    for target in ("co2calc_base.dir", "co2calc_cli.dir", "co2calc.dir"):
        d = os.path.join(build_dir, "CMakeFiles", target, "src", layer)
        if os.path.isdir(d):
            objs += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".o")]
    return objs


def check_symbols(build_dir, problems):
    defined = {}
    used = {}
    for layer in LAYERS:
        objs = layer_objects(build_dir, layer)
        if not objs:
            problems.append(f"{build_dir}: no object files of src/{layer} (build first)")
            return
        defined[layer] = nm(objs, "--defined-only")
        used[layer] = {s for s in nm(objs, "-u") if s.startswith("co2_")}
    # The built-in data (src/data/builtin.c and the generated snapshot) is the data layer.
    extra = os.path.join(build_dir, "CMakeFiles", "co2calc_obj.dir")
    if os.path.isdir(extra):
        objs = [os.path.join(dp, f) for dp, _, fs in os.walk(extra) for f in fs
                if f.endswith(".o")]
        defined["data"] |= nm(objs, "--defined-only")
    for layer in LAYERS:
        for sym in sorted(used[layer]):
            home = next((lay for lay in LAYERS if sym in defined[lay]), None)
            if home is None:
                continue  # defined outside the library's layers (none expected)
            if RANK[home] > RANK[layer]:
                problems.append(f"src/{layer} uses {sym} of the higher layer src/{home}")
            if layer == "cli" and sym.startswith("co2__"):
                problems.append(f"src/cli uses the internal symbol {sym} "
                                "(the CLI is on the public API only)")


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = []
    check_includes(argv[1], problems)
    if len(argv) == 3:
        check_symbols(argv[2], problems)
    for p in problems:
        print("check-layers: " + p, file=sys.stderr)
    if problems:
        return 1
    print("layers: base <- data <- model <- formats <- cli; no layer uses a higher one"
          + ("" if len(argv) == 2 else ", by includes and by symbols"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
