#!/usr/bin/env bash
# The man pages: each renders without a warning (man --warnings, man-db running groff),
# and every co2_ name libco2calc(3) gives is declared in the public headers.
#   tests/man.sh MANDIR INCLUDE_DIR      (MANDIR holds man1/ and man3/)
# Exit 77 (skipped) when man-db is not installed (scripts/deps.sh installs it).
set -u
mandir=$1 incdir=$2
command -v man >/dev/null || { echo "man-db is not installed: skipped"; exit 77; }
fail=0 n=0
for want in man1/co2calc.1 man3/libco2calc.3; do
  [ -f "$mandir/$want" ] || { echo "FAIL: no $want in $mandir"; fail=1; }
done
for page in "$mandir"/man[0-9]/*.[0-9]; do
  n=$((n+1))
  warn=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  if [ -n "$warn" ]; then echo "FAIL: $page:"; sed 's/^/  /' <<<"$warn"; fail=1; fi
done
headers=$(cat "$incdir"/*.h "$incdir"/*.h.in 2>/dev/null)
for name in $(grep -o 'co2_[a-z][a-z0-9_]*' "$mandir/man3/libco2calc.3" | sort -u); do
  grep -qw -- "$name" <<<"$headers" || { echo "FAIL: libco2calc(3) names $name, which no header declares"; fail=1; }
done
echo "man pages: $n rendered"
exit $fail
