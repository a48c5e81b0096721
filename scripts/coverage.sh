#!/usr/bin/env bash
# Line and branch coverage of src/ by the whole test suite (gcovr, from Debian).
#   scripts/coverage.sh            prints the summary per file and the totals
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh gcovr
rm -rf build/coverage
cmake -S . -B build/coverage -DCMAKE_BUILD_TYPE=Debug -DCO2_ENABLE_COVERAGE=ON >/dev/null
cmake --build build/coverage -j"$(nproc)" >/dev/null
(cd build/coverage && ctest -j"$(nproc)" >/dev/null) || { echo "tests failed"; exit 1; }
gcovr -r . build/coverage --object-directory build/coverage --filter 'src/' --exclude-unreachable-branches \
  --print-summary --txt build/coverage/coverage.txt >build/coverage/summary.txt
cat build/coverage/coverage.txt
echo
for d in base data model formats cli; do
  # -o names a real file: gcovr replaces its output path, so "-o /dev/null" would turn
  # /dev/null into a regular file.
  gcovr -r . build/coverage --object-directory build/coverage --filter "src/$d/" --print-summary \
    -o "build/coverage/$d.txt" |
    sed -n "s/^lines: /src\/$d lines: /p; s/^branches: /src\/$d branches: /p"
done
tail -n 3 build/coverage/summary.txt
