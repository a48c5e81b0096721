# The zsh completion of one typed line, as an interactive zsh completes it: a zsh started
# on a pseudo-terminal (zsh/zpty) with the completion system on and _co2calc first on
# $fpath is sent LINE and a Tab; every match the completion adds is written to standard
# output, one a line, sorted, each once. Nothing of the user's setup is read (zsh -f).
#   zsh tests/completion.zsh COMPLETION_DIR DIR_OF_CO2CALC LINE
# Exit 77 when zsh has no zsh/zpty module or no pseudo-terminal can be opened, 1 when no
# completion finished within 20 s.
emulate -L zsh
zmodload zsh/zpty 2>/dev/null || { print -u2 "zsh/zpty is missing"; exit 77; }
local compdir=$1 bindir=$2 line=$3 tmp i
tmp=$(mktemp -d) || exit 1
# In the terminal's shell: compadd is wrapped so that each call that adds matches (not one
# that only computes them into an array: -O, -A, -D) also appends them to $tmp/matches;
# comppostfuncs run once the completion has ended and leave $tmp/done.
zpty co2comp zsh -f -i || { print -u2 "no pseudo-terminal for zsh"; rm -rf $tmp; exit 77; }
zpty -w co2comp "PS1=''; PATH=${(q)bindir}:\$PATH; unset CO2CALC_DATA"
zpty -w co2comp "fpath=(${(q)compdir} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)tmp}/zcompdump"
zpty -w co2comp "compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return; fi
  local -a added; builtin compadd -A added \"\$@\"; print -rl -- \$added >> ${(q)tmp}/matches
  builtin compadd \"\$@\"
}"
zpty -w co2comp "_co2test_done() { : > ${(q)tmp}/done }; comppostfuncs=(_co2test_done)"
zpty -w -n co2comp "$line"$'\t'
for i in {1..400}; do [[ -e $tmp/done ]] && break; sleep 0.05; done
zpty -d co2comp
if [[ ! -e $tmp/done ]]; then print -u2 "zsh: no completion of '$line' within 20 s"; rm -rf $tmp; exit 1; fi
[[ -e $tmp/matches ]] && LC_ALL=C sort -u $tmp/matches
rm -rf $tmp
exit 0
