#!/usr/bin/env bash
# CLI golden tests. Each case is CASE.sh (run with $CO2CALC set to the program), with
# CASE.stdout (exact), CASE.exit (status, default 0) and optionally CASE.stderr (a
# substring that must appear on stderr). CO2CALC_REGENERATE=1 rewrites .stdout/.exit.
#   tests/cli/run.sh PROGRAM CASES_DIR [CASE...]     (default: every case; ctest runs
#   each case as its own test, cli/CASE)
# CO2CALC_TEST_LOCALE=de_DE.UTF-8 runs them in that locale (all but LC_MESSAGES; the
# default is LC_ALL=C): the output must not depend on it.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); dir=$(cd "$2" && pwd)
export CO2CALC="$bin" LC_ALL=C
if [ -n "${CO2CALC_TEST_LOCALE:-}" ]; then
  # Every category but messages (whose translations may or may not be installed).
  unset LC_ALL
  export LANG=C LC_CTYPE="$CO2CALC_TEST_LOCALE" LC_NUMERIC="$CO2CALC_TEST_LOCALE" \
    LC_TIME="$CO2CALC_TEST_LOCALE" LC_COLLATE="$CO2CALC_TEST_LOCALE" LC_MONETARY="$CO2CALC_TEST_LOCALE"
fi
unset CO2CALC_DATA
fail=0; n=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
shift 2
if [ $# -gt 0 ]; then cases=("$@"); else cases=("$dir"/*.sh); fi
for sh in "${cases[@]}"; do
  sh=$dir/$(basename "${sh%.sh}").sh
  [ -f "$sh" ] || { echo "FAIL: no case $sh"; fail=$((fail+1)); n=$((n+1)); continue; }
  name=${sh%.sh}; base=$(basename "$name"); n=$((n+1))
  (cd "$dir" && bash "$base.sh") >"$tmp/out" 2>"$tmp/err"; rc=$?
  if [ "${CO2CALC_REGENERATE:-0}" = 1 ]; then
    cp "$tmp/out" "$name.stdout"; echo "$rc" >"$name.exit"; continue
  fi
  want_rc=0; [ -f "$name.exit" ] && want_rc=$(cat "$name.exit")
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL $base: exit $rc, expected $want_rc"; sed 's/^/  stderr: /' "$tmp/err" | head -5; fail=$((fail+1)); continue
  fi
  if [ -f "$name.stdout" ] && ! cmp -s "$tmp/out" "$name.stdout"; then
    echo "FAIL $base: stdout differs"; diff "$name.stdout" "$tmp/out" | head -20; fail=$((fail+1)); continue
  fi
  if [ -f "$name.stderr" ]; then
    while IFS= read -r want; do
      [ -z "$want" ] && continue
      if ! grep -qF -- "$want" "$tmp/err"; then
        echo "FAIL $base: stderr lacks '$want'"; sed 's/^/  stderr: /' "$tmp/err" | head -5; fail=$((fail+1)); continue 2
      fi
    done <"$name.stderr"
  fi
  if [ "$want_rc" != 0 ] && [ -s "$tmp/out" ]; then
    echo "FAIL $base: printed to stdout on error"; fail=$((fail+1)); continue
  fi
done
echo "cli golden: $((n-fail))/$n passed"
[ "$fail" = 0 ]
