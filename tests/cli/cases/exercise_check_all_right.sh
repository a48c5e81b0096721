# Every answer of exercise 07 given and right: exit status 0. Quotes and comments are
# allowed, the unit may follow the number, the exercise may be named.
"$CO2CALC" exercise check reuse-pretrained - <<'ANSWERS'
pretrain_energy_kwh: 95.896   # kWh
pretrain_co2_kg: 42.13
finetune_energy_kwh: "1.017"
finetune_co2_kg: 0.45 kg
reuse_10_tasks_co2_kg: 4.47
mlco2_energy_kwh: 84.86 kWh
mlco2_co2_kg: 47.52
ANSWERS
