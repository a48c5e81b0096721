# A student's answers to exercise 07: right ones (rounded as printed, with or without the
# unit), a wrong one in g instead of kg (too high, with the step to look at), one that is
# not a number, one left empty, one name mistyped. Exit status 1: not all right yet.
"$CO2CALC" exercise check 7 - <<'ANSWERS'
# exercise 07
pretrain_energy_kwh: 95.9
pretrain_co2_kg: 42.13 kg
finetune_energy_kwh: 1.02
finetune_co2_kg: 447          # g?
reuse_10_tasks_co2_kg: 4,47
mlco2_energy_kwh:
mlco2_co2kg: 47.52
ANSWERS
echo "exit status $?"
