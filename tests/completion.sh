#!/usr/bin/env bash
# The shell completions. bash: _co2calc called with COMP_WORDS, COMP_CWORD, COMP_LINE and
# COMP_POINT as bash sets them for a typed line (as a real interactive bash showed;
# "TPU v in quotes is one word, gcp:asia-e three), on the program in DIR. zsh: the
# file parses, and the same lines typed into an interactive zsh (tests/completion.zsh)
# complete to the same names.
#   tests/completion.sh BASH_COMPLETION DIR_OF_CO2CALC [ZSH_COMPLETION]
# Exit 77 (skipped) when bash-completion is not installed (scripts/deps.sh installs it).
set -u
bc=/usr/share/bash-completion/bash_completion
[ -f "$bc" ] || { echo "bash-completion is not installed: skipped"; exit 77; }
# shellcheck source=/dev/null
. "$bc"
# shellcheck source=/dev/null
. "$1"
PATH=$2:$PATH
unset CO2CALC_DATA
fail=0 n=0

# complete LINE WORD...: the completions of the last word of LINE, split into WORD...
complete_words() {
  COMP_LINE=$1; COMP_POINT=${#COMP_LINE}; shift
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _co2calc co2calc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort)
}
# expect WHAT WANT: the completions are exactly WANT (lines, sorted)
expect() {
  n=$((n+1))
  if [ "$got" != "$2" ]; then
    echo "FAIL: $1"; echo "  want: $(tr '\n' '|' <<<"$2")"; echo "  got:  $(tr '\n' '|' <<<"$got")"; fail=1
  fi
}
# expect_all WHAT PATTERN MIN: at least MIN completions, each matching PATTERN
expect_all() {
  n=$((n+1))
  local count=0 bad=0 w
  while IFS= read -r w; do
    [ -z "$w" ] && continue
    count=$((count+1))
    # shellcheck disable=SC2053 # a pattern
    [[ $w == $2 ]] || bad=1
  done <<<"$got"
  if [ "$count" -lt "$3" ] || [ "$bad" = 1 ]; then
    echo "FAIL: $1: want at least $3 matching '$2', got: $(tr '\n' '|' <<<"$got")"; fail=1
  fi
}

# both LINE WANT WORD...: LINE, split by bash into WORD..., completes to exactly WANT; the
# same LINE is checked in zsh below.
zlines=() zwants=()
both() {
  local line=$1 want=$2; shift 2
  complete_words "$line" "$@"
  expect "$line" "$want"
  zlines+=("$line") zwants+=("$want")
}
tpu_names=$(printf '%s\n' 'TPU v2' 'TPU v3' 'TPU v4' 'TPU v5 lite' 'TPU v5e' 'TPU v5litepod' 'TPU v5p' \
  'TPU v6e' 'TPU v7' 'TPU v7x')
both 'co2calc est' 'estimate' co2calc est
both 'co2calc estimate --hardware "TPU v' "$tpu_names" co2calc estimate --hardware '"TPU v'
both 'co2calc estimate --format=m' "$(printf '%s\n' markdown model-card)" co2calc estimate --format=m
both 'co2calc estimate --method ' "$(printf '%s\n' default green-algorithms mlco2)" co2calc estimate --method ''
# batch's --method takes the list of estimate's
both 'co2calc batch x.csv --method g' 'green-algorithms' co2calc batch x.csv --method g
both 'co2calc estimate --hou' '--hours' co2calc estimate --hou
both 'co2calc list ' "$(printf '%s\n' editions hardware instances locations providers regions)" co2calc list ''
both 'co2calc sacct --cluster c.yaml --group-by ' "$(printf '%s\n' account day partition state user)" \
  co2calc sacct --cluster c.yaml --group-by ''
# Where the shells differ: bash offers --help and --version among the commands (zsh only
# after a '-'), and splits gcp:asia-e at the colon, completing the part after it.
commands=$(co2calc --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
complete_words 'co2calc ' co2calc ''
expect 'co2calc (the commands of co2calc --help)' "$(printf '%s\n' $commands --help --version | LC_ALL=C sort)"
zlines+=('co2calc ') zwants+=("$(printf '%s\n' $commands | LC_ALL=C sort)")
complete_words 'co2calc estimate --region gcp:asia-e' co2calc estimate --region gcp : asia-e
expect 'co2calc estimate --region gcp:asia-e' "$(printf '%s\n' asia-east1 asia-east2)"
zlines+=('co2calc estimate --region gcp:asia-e') zwants+=("$(printf '%s\n' gcp:asia-east1 gcp:asia-east2)")
# bash only: a name typed with backslashes, and show's names.
complete_words 'co2calc estimate --hardware TPU\ v' co2calc estimate --hardware 'TPU\ v'
expect_all 'co2calc estimate --hardware TPU\ v (escaped)' 'TPU\\ v*' 10
complete_words 'co2calc show hardware "Google TPU v' co2calc show hardware '"Google TPU v'
expect_all 'co2calc show hardware "Google TPU v' 'Google TPU v*' 5

# zsh: the same lines typed into an interactive zsh (tests/completion.zsh).
if [ $# -ge 3 ] && command -v zsh >/dev/null; then
  n=$((n+1))
  zsh -n "$3" || { echo "FAIL: $3 does not parse"; fail=1; }
  zdir=$(dirname "$3")
  for k in "${!zlines[@]}"; do
    zrc=0
    got=$(zsh -f "$(dirname "$0")/completion.zsh" "$zdir" "$2" "${zlines[k]}") || zrc=$?
    if [ "$zrc" = 77 ]; then
      echo "zsh: no zsh/zpty or no pseudo-terminal: its completion checks skipped"
      break
    fi
    expect "zsh: ${zlines[k]}" "${zwants[k]}"
  done
fi
echo "completion: $n checks"
exit $fail
