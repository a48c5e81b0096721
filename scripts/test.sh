#!/usr/bin/env bash
# Every test, in under five minutes on two cores (each step says how long it took):
#  1. the normal build (GCC, warnings are errors) and ctest: the Check suites, each CLI
#     golden case (cli/NAME), man pages, completions, layers, data, examples, and the
#     cases of tests/cli/memcheck.txt under valgrind (memcheck/NAME: uninitialised
#     reads, which the sanitizers do not see);
#  2. a clang build with AddressSanitizer, LeakSanitizer, UBSan and libFuzzer's
#     instrumentation, and the same ctest in it;
#  3. exported symbols, the CLI on the public API, the de_DE locale;
#  4. install to a temporary prefix, programs built on it with CMake and pkg-config,
#     the installed man pages and completions;
#  5. the library without libyaml and cJSON, cross-compiled: for this machine, and for
#     64-bit ARM, run under qemu-user and compared with the native build;
#  6. each fuzz target of the sanitizer build for CO2_FUZZ_SECONDS (default 20; 0
#     skips), nproc at a time.
# Non-zero exit on any failure.
#   scripts/test.sh --quick    step 1 without valgrind: the edit-compile loop
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
case ${1:-} in
--quick) quick=1 ;;
"") ;;
*) echo "usage: scripts/test.sh [--quick]" >&2; exit 2 ;;
esac
bash scripts/deps.sh
jobs=$(nproc)
t0=$SECONDS; t_step=$SECONDS
took() { echo "   (${1}: $((SECONDS - t_step)) s)"; t_step=$SECONDS; }

memcheck=ON; [ "$quick" = 1 ] && memcheck=OFF
echo "== build (warnings are errors) and tests"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DCO2_WERROR=ON -DCO2_TEST_MEMCHECK=$memcheck >/dev/null
cmake --build build/test -j"$jobs" >/dev/null
(cd build/test && ctest --output-on-failure -j"$jobs" | grep -vE '^ +Start |Test +#[0-9]+: .* Passed ')
took "build and tests"
if [ "$quick" = 1 ]; then
  echo "quick tests passed in $((SECONDS - t0)) s (scripts/test.sh runs all)"
  exit 0
fi

# A locale whose decimal separator is a comma, for the locale tests.
if ! grep -qi '^de_DE.utf8$' <<<"$(locale -a 2>/dev/null)"; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen 2>/dev/null || true
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo 'de_DE.UTF-8 UTF-8' | $sudo_cmd tee -a /etc/locale.gen >/dev/null
  $sudo_cmd locale-gen >/dev/null 2>&1 || true
fi

echo "== AddressSanitizer + LeakSanitizer + UndefinedBehaviorSanitizer (clang, with the fuzz targets)"
bash scripts/deps.sh clang libclang-rt-14-dev
CC=clang cmake -S . -B build/san -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCO2_BUILD_FUZZ=ON -DCO2_WERROR=ON >/dev/null
cmake --build build/san -j"$jobs" >/dev/null
(cd build/san && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  CK_FORK=no ctest --output-on-failure -j"$jobs" | grep -vE '^ +Start |Test +#[0-9]+: .* Passed ')
took "sanitizer build and tests"

echo "== exported symbols"
bad=$(nm -D --defined-only build/test/libco2calc.so | awk '$2 ~ /[TDBR]/ {print $3}' | grep -v '^co2_' || true)
if [ -n "$bad" ]; then echo "symbols exported without the co2_ prefix:"; echo "$bad"; exit 1; fi
echo "only co2_ symbols exported"

echo "== the CLI is a client of the public API"
bad=$(nm -u build/test/CMakeFiles/co2calc_cli.dir/src/cli/*.o build/test/CMakeFiles/co2calc.dir/src/cli/*.o build/test/co2calc | awk '{print $NF}' | grep '^co2__' | sort -u || true)
if [ -n "$bad" ]; then echo "the CLI uses library internals:"; echo "$bad"; exit 1; fi
grep -q 'libco2calc\.so' <<<"$(ldd build/test/co2calc)" || { echo "co2calc is not linked against libco2calc.so"; exit 1; }
echo "co2calc uses no co2__ symbol and links libco2calc.so"

echo "== locale: de_DE.UTF-8 (decimal comma)"
bert=(estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2)
out=$(LC_ALL=de_DE.UTF-8 build/test/co2calc "${bert[@]}" --format json)
grep -q '"co2_kg": 47.52' <<<"$out" || { echo "de_DE locale changed the figures: $out"; exit 1; }
out=$(LC_ALL=de_DE.UTF-8 build/test/co2calc "${bert[@]}")
grep -q '47.52 kg' <<<"$out" || { echo "de_DE locale changed the figures: $out"; exit 1; }
echo "LC_ALL=de_DE.UTF-8 co2calc estimate ... prints 47.52"
CO2CALC_TEST_LOCALE=de_DE.UTF-8 bash tests/cli/run.sh "$PWD/build/test/co2calc" tests/cli/cases
took "symbols and locale"

echo "== install to a temporary prefix, then build on it with CMake and with pkg-config"
rm -rf build/install
prefix=$PWD/build/install/prefix
cmake --install build/test --prefix "$prefix" >/dev/null
cmake -S examples/cmake -B build/install/cmake -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="-Wall -Werror" >/dev/null
cmake --build build/install/cmake >/dev/null
pc_dir=$(dirname "$(find "$prefix" -name co2calc.pc)")
pc() { PKG_CONFIG_PATH="$pc_dir" pkg-config "$@"; }
# shellcheck disable=SC2046 # the flags are words
cc -std=c11 -Wall -Werror -o build/install/estimate-pc examples/estimate.c $(pc --cflags --libs co2calc) \
  -Wl,-rpath,"$(pc --variable=libdir co2calc)"
for prog in build/install/cmake/estimate build/install/cmake/estimate_static build/install/estimate-pc; do
  out=$("$prog") || { echo "$prog failed: $out"; exit 1; }
  grep -q '47.52 kg CO2eq' <<<"$out" || { echo "$prog printed: $out"; exit 1; }
  echo "$prog: $(head -1 <<<"$out")"
done
libs=$(ldd "$prefix/bin/co2calc")
grep -q "=> $prefix/.*libco2calc\.so" <<<"$libs" || { echo "the installed co2calc does not use the installed libco2calc.so:"; echo "$libs"; exit 1; }
out=$("$prefix/bin/co2calc" "${bert[@]}")
grep -q '47.52 kg' <<<"$out" || { echo "the installed co2calc computes otherwise: $out"; exit 1; }
echo "installed co2calc: $(grep -m1 'libco2calc' <<<"$libs" | sed 's/^[[:space:]]*//')"
bash tests/man.sh "$prefix/share/man" include/co2calc
bash tests/completion.sh "$prefix/share/bash-completion/completions/co2calc" "$prefix/bin" \
  "$prefix/share/zsh/site-functions/_co2calc"
took "install"

echo "== without libyaml and cJSON, cross-compiled (the host's compiler posing as a cross compiler)"
cmake -S . -B build/nodeps -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$PWD/tests/cross-host.cmake" \
  -DCO2_WITH_YAML=OFF -DCO2_WITH_JSON=OFF -DCO2_WERROR=ON >/dev/null
cmake --build build/nodeps -j"$jobs" >/dev/null
[ -x build/nodeps/host-tools/co2_snapshot ] || { echo "the snapshot tool was not built by the host sub-build"; exit 1; }
needed=$(readelf -d build/nodeps/libco2calc.so)
if grep -qiE 'yaml|cjson' <<<"$needed"; then echo "the no-deps library needs libyaml or cJSON:"; echo "$needed"; exit 1; fi
out=$(build/nodeps/co2calc "${bert[@]}")
grep -q '47.52 kg' <<<"$out" || { echo "the no-deps build computes otherwise: $out"; exit 1; }
rc=0; err=$(build/nodeps/co2calc estimate --spec examples/specs/bert-base.yaml 2>&1 >/dev/null) || rc=$?
{ [ "$rc" = 1 ] && grep -q 'built without libyaml (CO2_WITH_YAML=OFF)' <<<"$err"; } ||
  { echo "a YAML spec without libyaml: exit $rc, '$err'"; exit 1; }
echo "libco2calc.so needs neither library; co2calc estimate ... prints 47.52 kg; a YAML spec is refused: $err"
took "no-deps build"

echo "== the same for 64-bit ARM (Debian's aarch64 cross compiler), run under qemu-user"
bash scripts/deps.sh gcc-aarch64-linux-gnu qemu-user
cmake -S . -B build/arm64 -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$PWD/tests/arm64.cmake" \
  -DCO2_WITH_YAML=OFF -DCO2_WITH_JSON=OFF -DCO2_WERROR=ON >/dev/null
cmake --build build/arm64 -j"$jobs" >/dev/null
arch=$(readelf -h build/arm64/libco2calc.so | awk -F: '/Machine:/ {gsub(/^ +/, "", $2); print $2}')
[ "$arch" = AArch64 ] || { echo "build/arm64/libco2calc.so is for '$arch', not AArch64"; exit 1; }
# Every command that needs neither libyaml nor cJSON prints, byte for byte, what the
# native build with both prints: the same figures from the same built-in data.
arm() { qemu-aarch64 -L /usr/aarch64-linux-gnu build/arm64/co2calc "$@"; }
ncmp=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  eval "args=($line)"
  rc_want=0; want=$(build/test/co2calc "${args[@]}" 2>&1) || rc_want=$?
  rc_got=0; got=$(arm "${args[@]}" 2>&1) || rc_got=$?
  [ "$rc_got" = "$rc_want" ] || { echo "64-bit ARM exits $rc_got, natively $rc_want: co2calc $line"; exit 1; }
  [ "$got" = "$want" ] || { echo "64-bit ARM prints otherwise for co2calc $line:"; diff <(echo "$want") <(echo "$got") | head -20; exit 1; }
  ncmp=$((ncmp + 1))
done <<'CASES'
estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2
estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2 --format json --explain
estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --method green-algorithms --format json
estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --format json --explain
estimate --hardware p4d.24xlarge --hours 3d --region aws:us-east-1 --format json
estimate --hardware "A100 SXM4 80GB" --count 8 --hours 2d12h --utilization 0.7 --cpu "EPYC 7763" --sockets 2 --memory 512 --location US-CA --format json
estimate --hardware "V100 SXM2 32GB" --count 64 --hours 200 --location FR --format model-card --name demo
estimate --hardware "V100 SXM2 32GB" --count 64 --hours 200 --location FR --format latex
estimate --hardware "V100 SXM2 32GB" --count 64 --hours 200 --location FR --format markdown
estimate --hardware "V100 SXM2 32GB" --count 64 --hours 200 --location FR --format yaml
estimate --hardware "V100 SXM2 32GB" --count 64 --hours 200 --location FR --format csv
compare --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --what-if region=gcp:europe-west4 --what-if mixed-precision=2,location=FR
batch tests/data/batch/runs.csv --format json
batch tests/data/batch/same.csv
list hardware --format names
show hardware "TPU v3"
estimate --hardware "TPU v9" --hours 1 --location FR
CASES
echo "$ncmp commands print the same on 64-bit ARM (qemu-aarch64) as natively"
took "64-bit ARM build"

echo "== fuzzing: each target for ${CO2_FUZZ_SECONDS:-20} s (clang, libFuzzer), $jobs at a time"
if [ "${CO2_FUZZ_SECONDS:-20}" != 0 ]; then
  CO2_FUZZ_BUILD=build/san CO2_FUZZ_JOBS=$jobs bash scripts/fuzz.sh "${CO2_FUZZ_SECONDS:-20}"
fi
took "fuzzing"

echo "all tests passed in $((SECONDS - t0)) s"
