#!/usr/bin/env bash
# The whole ctest suite on 64-bit ARM: co2calc cross-compiled with Debian's aarch64 cross
# compiler (tests/arm64.cmake) against the arm64 packages of libyaml, cJSON and Check
# (multiarch: this adds the arm64 architecture to dpkg), every test run under qemu-user.
# Not part of scripts/test.sh (that builds the core for ARM without libyaml and cJSON and
# compares its output with the native build's): the arm64 package lists and the build
# take a few minutes more. About 4 minutes here on two cores.
#   scripts/test-arm64.sh [BUILD_DIR]     (default build/arm64-tests)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/arm64-tests}
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo_cmd dpkg --add-architecture arm64
  $sudo_cmd apt-get update -qq
fi
bash scripts/deps.sh gcc-aarch64-linux-gnu qemu-user libyaml-dev:arm64 libcjson-dev:arm64 check:arm64
jobs=$(nproc)
t0=$SECONDS
# pkg-config answers for the target: its .pc files, not the build host's.
PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$PWD/tests/arm64.cmake" \
  -DCO2_WERROR=ON -DCO2_BUILD_TESTS=ON "-DCMAKE_CROSSCOMPILING_EMULATOR=qemu-aarch64;-L;/usr/aarch64-linux-gnu" >/dev/null
cmake --build "$dir" -j"$jobs" >/dev/null
arch=$(readelf -h "$dir/libco2calc.so" | awk -F: '/Machine:/ {gsub(/^ +/, "", $2); print $2}')
[ "$arch" = AArch64 ] || { echo "$dir/libco2calc.so is for '$arch', not AArch64"; exit 1; }
(cd "$dir" && ctest --output-on-failure -j"$jobs" | grep -vE '^ +Start |Test +#[0-9]+: .* Passed ')
echo "all tests passed on AArch64 (qemu-user) in $((SECONDS - t0)) s"
