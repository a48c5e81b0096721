#!/usr/bin/env bash
# Install the Debian packages co2calc needs, when they are missing.
set -euo pipefail
pkgs=(build-essential cmake pkg-config libyaml-dev libcjson-dev check valgrind locales python3 python3-yaml bsdutils
      man-db groff bash-completion zsh "$@")
missing=()
for p in "${pkgs[@]}"; do
  # With a second architecture (scripts/test-arm64.sh adds arm64), a library installed for
  # both is ambiguous without its architecture: ask for the native one too.
  dpkg -s "$p" >/dev/null 2>&1 || dpkg -s "$p:$(dpkg --print-architecture)" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
