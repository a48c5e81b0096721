#!/usr/bin/env python3
"""Every answer of every teaching exercise is what co2calc computes, and the program
reads the answers as YAML does.

For each examples/exercises/NN-name/answers.yaml (read with PyYAML, not with the
program's own small reader):
1. each answer's `command` is run through co2calc in a copy of the folder, the number
   named by its `field` is taken from the output (a dotted path into JSON output, like
   scenarios.1.result.co2_kg; a "field: number" line of text output; or "(lines)", the
   number of lines printed), and it must be the answer's `value` within its `tolerance`;
2. `co2calc exercise check N` (the built-in, embedded exercises) on a file of those
   computed numbers says every answer is right (exit 0), and on a file of wrong ones
   names each as wrong with the hint PyYAML reads (exit 1);
3. `co2calc exercise show N` is the same built-in and with --exercises on the folder
   (the embedded files are the source's), lists every answer with its unit and ask, and
   prints no line of the worked answer (solution.md).

Usage: exercise_answers.py CO2CALC EXERCISES_DIR        (Debian's python3 with python3-yaml)
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

REQUIRED = ("ask", "value", "unit", "tolerance", "hint", "command", "field")


def run(cmd, cwd, stdin=None):
    env = dict(os.environ, LC_ALL="C")
    env.pop("CO2CALC_DATA", None)
    p = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def extract(out, field):
    if field == "(lines)":
        return float(len(out.splitlines()))
    try:
        node = json.loads(out)
    except ValueError:
        m = re.search(r"^\s*" + re.escape(field) + r":\s*(\S+)\s*$", out, re.M)
        if not m:
            raise LookupError(f"no line '{field}: NUMBER' in the output")
        return float(m.group(1))
    for part in field.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return float(node)


def allowed(ans):
    tol = str(ans["tolerance"]).strip()
    if tol.endswith("%"):
        return abs(float(ans["value"])) * float(tol[:-1]) / 100.0
    return float(tol)


def words(text):
    return " ".join(text.split())


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    bin_ = os.path.abspath(argv[1])
    src = os.path.abspath(argv[2])
    problems = []
    n_ex = n_ans = 0
    tmp = tempfile.mkdtemp()
    try:
        for name in sorted(os.listdir(src)):
            folder = os.path.join(src, name)
            if not re.match(r"^\d\d-", name) or not os.path.isdir(folder):
                continue
            n_ex += 1
            number = str(int(name[:2]))
            where = f"{name}/answers.yaml"
            with open(os.path.join(folder, "answers.yaml"), encoding="utf-8") as f:
                answers = yaml.safe_load(f)
            if not isinstance(answers, dict) or not answers:
                problems.append(f"{where}: no answers")
                continue
            work = os.path.join(tmp, name)
            shutil.copytree(folder, work)
            computed = {}
            for key, ans in answers.items():
                n_ans += 1
                missing = [k for k in REQUIRED if k not in ans]
                if missing:
                    problems.append(f"{where}: {key}: no {', '.join(missing)}")
                    continue
                rc, out, err = run([bin_] + shlex.split(ans["command"]), work)
                if rc != 0:
                    problems.append(f"{where}: {key}: co2calc {ans['command']}: exit {rc}: {err.strip()}")
                    continue
                try:
                    got = extract(out, ans["field"])
                except (LookupError, KeyError, IndexError, ValueError, TypeError) as e:
                    problems.append(f"{where}: {key}: no {ans['field']} in the output of "
                                    f"co2calc {ans['command']}: {e!r}")
                    continue
                computed[key] = got
                if abs(got - float(ans["value"])) > allowed(ans) + 1e-9 * max(1.0, abs(got)):
                    problems.append(f"{where}: {key}: value {ans['value']} but co2calc "
                                    f"{ans['command']} gives {ans['field']} = {got!r} "
                                    f"(tolerance {ans['tolerance']})")

            # The program's reader agrees with PyYAML: the computed numbers are all right...
            if len(computed) == len(answers):
                text = "".join(f"{k}: {v!r}\n" for k, v in computed.items())
                rc, out, err = run([bin_, "exercise", "check", number, "-"], work, text)
                if rc != 0 or f"All {len(answers)} answers right." not in out:
                    problems.append(f"{name}: exercise check on the computed numbers: exit {rc}\n"
                                    f"{out}{err}")
            # ... and numbers far off are wrong, each with the hint PyYAML reads.
            text = "".join(f"{k}: {float(a['value']) * 3 + 7 + allowed(a) * 3!r}\n"
                           for k, a in answers.items())
            rc, out, err = run([bin_, "exercise", "check", number, "-"], work, text)
            if rc != 1:
                problems.append(f"{name}: exercise check on wrong numbers: exit {rc}, expected 1\n{err}")
            parts = out.split("\n\n")  # the heading, a line (or more) per answer, the summary
            blocks = re.split(r"\n(?=  \S)", parts[1] if len(parts) == 3 else out)
            for key, ans in answers.items():
                block = next((b for b in blocks if re.match(r"  wrong +" + re.escape(key) + " ", b)), None)
                if block is None:
                    problems.append(f"{name}: exercise check does not say {key} is wrong:\n{out}")
                    continue
                hint = words(block.split("hint:", 1)[1]) if "hint:" in block else ""
                if hint != words(ans["hint"]):
                    problems.append(f"{name}: {key}: the program reads the hint as\n  {hint!r}\n"
                                    f"PyYAML as\n  {words(ans['hint'])!r}")

            # show: the same embedded and from the folder; every answer asked; no solution.
            rc, shown, err = run([bin_, "exercise", "show", number], work)
            rc2, shown_dir, err2 = run([bin_, "exercise", "show", number, "--exercises", src], work)
            if rc or rc2 or shown != shown_dir:
                problems.append(f"{name}: exercise show differs between the built-in exercises and "
                                f"--exercises {src} (rebuild?): {err}{err2}")
            for key, ans in answers.items():
                unit = f"{ans['unit']}, " if ans["unit"] else ""
                want = f"{key}:"
                line = next((ln for ln in shown.splitlines() if ln.startswith(want + " ")), None)
                if line is None or not line.endswith(f"# {unit}{words(ans['ask'])}"):
                    problems.append(f"{name}: exercise show does not ask for {key} as "
                                    f"'# {unit}{words(ans['ask'])}' (got {line!r})")
            sol = os.path.join(folder, "solution.md")
            if not os.path.isfile(sol):
                problems.append(f"{name}: no solution.md (the worked answer)")
            else:
                with open(sol, encoding="utf-8") as f:
                    for ln in f.read().splitlines()[1:]:
                        if len(ln.strip()) > 20 and ln.strip() in shown:
                            problems.append(f"{name}: exercise show prints a line of the worked "
                                            f"answer: {ln.strip()!r}")
    finally:
        shutil.rmtree(tmp)
    for p in problems:
        print("FAIL " + p)
    print(f"exercise answers: {n_ex} exercises, {n_ans} answers, "
          f"{'all match co2calc' if not problems else f'{len(problems)} problems'}")
    return 1 if problems or n_ex < 8 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
