# --exercises DIR: a teacher's own folder of exercises (folders NN-name; others are
# ignored); solution.md is never shown. A tolerance may be a percentage of the answer.
set -e
dir=../../data/exercises
"$CO2CALC" exercise list --exercises "$dir"
"$CO2CALC" exercise show 1 --exercises "$dir"
printf 'energy_kwh: 11.6\nco2_kg: 2.7\n' | "$CO2CALC" exercise check 1 - --exercises "$dir" || echo "exit status $?"
