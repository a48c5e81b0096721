#!/usr/bin/env python3
"""Every example in a Markdown file is real: each `$ command` line of a ```console
block is run from the repository root (the nearest directory above the file with a
CMakeLists.txt: README.md and docs/*.md alike; `co2calc` the program under test) and
its output must be the lines pasted under it.

usage: readme_examples.py FILE.md BINDIR [--update]

Commands run through `script` (a pseudo-terminal, as a reader's shell would), so
standard output and standard error interleave as they do on screen. --update
rewrites the pasted output with the real one (then read the diff).
Paths under /tmp/ in the examples are a private directory of each run, so that
two runs at once (ctest in two build trees) do not write the same file.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

BLOCK = re.compile(r"^( *)```console\n(.*?)^\1```\n", re.S | re.M)


def run(cmd, root, env, scratch):
    r = subprocess.run(["script", "-qec", cmd.replace("/tmp/", scratch + "/"), "/dev/null"],
                       cwd=root, env=env, capture_output=True, text=True, timeout=120)
    out = r.stdout.replace(scratch + "/", "/tmp/").replace("\r\n", "\n").rstrip("\n")
    return [line.rstrip("\r") for line in out.split("\n")] if out else []


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, bindir, update = argv[1], os.path.abspath(argv[2]), "--update" in argv[3:]
    root = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(os.path.join(root, "CMakeLists.txt")) and os.path.dirname(root) != root:
        root = os.path.dirname(root)
    text = open(path, encoding="utf-8").read()
    # A directory whose co2calc is the program under test, first on PATH.
    shim = tempfile.mkdtemp(prefix="co2calc-readme-")
    scratch = tempfile.mkdtemp(prefix="co2calc-readme-tmp-")
    os.symlink(os.path.join(bindir, "co2calc"), os.path.join(shim, "co2calc"))
    env = dict(os.environ, PATH=shim + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
               LC_ALL="C.UTF-8", LANG="C.UTF-8", TERM="dumb")
    env.pop("CO2CALC_DATA", None)
    commands = mismatches = 0
    pieces, last = [], 0
    for m in BLOCK.finditer(text):
        indent, body = m.group(1), m.group(2)
        lines = [l[len(indent):] if l.startswith(indent) else l for l in body.split("\n")[:-1]]
        out_lines = []
        want, cmd = [], None

        def flush():
            nonlocal commands, mismatches
            if cmd is None:
                return
            commands += 1
            got = run(cmd, root, env, scratch)
            if got != want:
                mismatches += 1
                print("MISMATCH in %s: %s" % (path, cmd))
                for w in want:
                    if w not in got:
                        print("  - " + w)
                for g in got:
                    if g not in want:
                        print("  + " + g)
            out_lines.append("$ " + cmd)
            out_lines.extend(got if update else want)

        for line in lines:
            if line.startswith("$ "):
                flush()
                cmd, want = line[2:], []
            elif cmd is None:
                out_lines.append(line)  # text before the first command
            else:
                want.append(line)
        flush()
        pieces.append(text[last:m.start(2)])
        pieces.append("".join(indent + l + "\n" if l else "\n" for l in out_lines))
        last = m.end(2)
    pieces.append(text[last:])
    os.unlink(os.path.join(shim, "co2calc"))
    os.rmdir(shim)
    shutil.rmtree(scratch)
    if update and mismatches:
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("".join(pieces))
        os.replace(tmp, path)
        print("%s: %d examples rewritten" % (path, mismatches))
        return 0
    print("%s: %d commands, %d mismatches" % (path, commands, mismatches))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
