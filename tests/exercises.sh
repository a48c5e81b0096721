#!/usr/bin/env bash
# Run every exercise of examples/exercises through the CLI and check its answer figures.
# Each exercise folder has a `checks` file: lines "ARGS => TEXT": `co2calc ARGS` is run in
# a copy of the folder (so card --update never touches the original) and its output must
# contain TEXT. Lines starting with # are comments. Each folder also has its task
# (task.md), its worked answer apart (solution.md) and its answers (answers.yaml, checked
# against co2calc by tests/exercise_answers.py).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); dir=$(cd "$2" && pwd)
export LC_ALL=C
unset CO2CALC_DATA
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; n=0; ex=0
for d in "$dir"/*/; do
  [ -f "$d/checks" ] || continue
  ex=$((ex+1)); name=$(basename "$d")
  cp -r "$d" "$tmp/$name"
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    args=${line%% => *}; want=${line#* => }
    n=$((n+1))
    out=$(cd "$tmp/$name" && eval "\"\$bin\" $args" 2>&1); rc=$?
    if [ "$rc" != 0 ] || [[ "$out" != *"$want"* ]]; then
      echo "FAIL $name: co2calc $args (exit $rc)"; echo "  expected: $want"
      printf '%s\n' "$out" | head -20 | sed 's/^/  got: /'; fail=$((fail+1))
    fi
  done <"$d/checks"
  [ -s "$d/task.md" ] || { echo "FAIL $name: no task.md"; fail=$((fail+1)); }
  [ -s "$d/solution.md" ] || { echo "FAIL $name: no solution.md (the worked answer)"; fail=$((fail+1)); }
  [ -s "$d/answers.yaml" ] || { echo "FAIL $name: no answers.yaml"; fail=$((fail+1)); }
  ! grep -qi 'worked answer' "$d/task.md" || { echo "FAIL $name: task.md holds the worked answer"; fail=$((fail+1)); }
done
echo "exercises: $ex exercises, $((n-fail))/$n checks passed"
[ "$ex" -ge 8 ] && [ "$fail" = 0 ]
