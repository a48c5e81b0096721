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

complete_words 'co2calc est' co2calc est
expect 'co2calc est' 'estimate'
complete_words 'co2calc ' co2calc ''
commands=$(co2calc --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
expect 'co2calc (the commands of co2calc --help)' "$(printf '%s\n' $commands --help --version | LC_ALL=C sort)"
complete_words 'co2calc estimate --hardware "TPU v' co2calc estimate --hardware '"TPU v'
expect 'co2calc estimate --hardware "TPU v' "$(printf '%s\n' 'TPU v2' 'TPU v3' 'TPU v4' 'TPU v5 lite' 'TPU v5e' \
  'TPU v5litepod' 'TPU v5p' 'TPU v6e' 'TPU v7' 'TPU v7x')"
complete_words 'co2calc estimate --hardware TPU\ v' co2calc estimate --hardware 'TPU\ v'
expect_all 'co2calc estimate --hardware TPU\ v (escaped)' 'TPU\\ v*' 10
complete_words 'co2calc estimate --region gcp:asia-e' co2calc estimate --region gcp : asia-e
expect 'co2calc estimate --region gcp:asia-e' "$(printf '%s\n' asia-east1 asia-east2)"
complete_words 'co2calc estimate --format=m' co2calc estimate --format=m
expect 'co2calc estimate --format=m' "$(printf '%s\n' markdown model-card)"
complete_words 'co2calc estimate --method ' co2calc estimate --method ''
expect 'co2calc estimate --method' "$(printf '%s\n' default green-algorithms mlco2)"
complete_words 'co2calc batch x.csv --method g' co2calc batch x.csv --method g
expect 'co2calc batch --method g (the list of estimate --method)' 'green-algorithms'
complete_words 'co2calc estimate --hou' co2calc estimate --hou
expect 'co2calc estimate --hou' '--hours'
complete_words 'co2calc list ' co2calc list ''
expect 'co2calc list' "$(printf '%s\n' editions hardware instances locations providers regions)"
complete_words 'co2calc show hardware "Google TPU v' co2calc show hardware '"Google TPU v'
expect_all 'co2calc show hardware "Google TPU v' 'Google TPU v*' 5
complete_words 'co2calc sacct --cluster c.yaml --group-by ' co2calc sacct --cluster c.yaml --group-by ''
expect 'co2calc sacct --group-by' "$(printf '%s\n' account day partition state user)"

# zsh: the same lines typed into an interactive zsh (tests/completion.zsh)
if [ $# -ge 3 ] && command -v zsh >/dev/null; then
  n=$((n+1))
  zsh -n "$3" || { echo "FAIL: $3 does not parse"; fail=1; }
  zdir=$(dirname "$3")
  zcomplete() { got=$(zsh -f "$(dirname "$0")/completion.zsh" "$zdir" "$2" "$1"); }
  zcomplete 'co2calc est' "$2" || { [ $? = 77 ] && zskip=1; }
fi
if [ "${zskip:-0}" = 1 ]; then
  echo "zsh: no zsh/zpty or no pseudo-terminal: its completion checks skipped"
elif [ $# -ge 3 ] && command -v zsh >/dev/null; then
  expect 'zsh: co2calc est' 'estimate'
  zcomplete 'co2calc ' "$2"
  expect 'zsh: co2calc (the commands of co2calc --help)' "$(printf '%s\n' $commands | LC_ALL=C sort)"
  zcomplete 'co2calc estimate --hardware "TPU v' "$2"
  expect 'zsh: co2calc estimate --hardware "TPU v' "$(printf '%s\n' 'TPU v2' 'TPU v3' 'TPU v4' 'TPU v5 lite' \
    'TPU v5e' 'TPU v5litepod' 'TPU v5p' 'TPU v6e' 'TPU v7' 'TPU v7x')"
  zcomplete 'co2calc estimate --region gcp:asia-e' "$2"
  expect 'zsh: co2calc estimate --region gcp:asia-e' "$(printf '%s\n' gcp:asia-east1 gcp:asia-east2)"
  zcomplete 'co2calc estimate --format=m' "$2"
  expect 'zsh: co2calc estimate --format=m' "$(printf '%s\n' markdown model-card)"
  zcomplete 'co2calc batch x.csv --method g' "$2"
  expect 'zsh: co2calc batch --method g' 'green-algorithms'
  zcomplete 'co2calc estimate --hou' "$2"
  expect 'zsh: co2calc estimate --hou' '--hours'
  zcomplete 'co2calc list ' "$2"
  expect 'zsh: co2calc list' "$(printf '%s\n' editions hardware instances locations providers regions)"
  zcomplete 'co2calc sacct --cluster c.yaml --group-by ' "$2"
  expect 'zsh: co2calc sacct --group-by' "$(printf '%s\n' account day partition state user)"
fi
echo "completion: $n checks"
exit $fail
