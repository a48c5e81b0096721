# The page rounds with toFixed(2) on the binary value: 221 W x 5 h = 1.105 kWh is 1.10, and
# 205 g/kWh is 0.20 kg/kWh (decimal half-up would give 1.11 and 0.21).
"$CO2CALC" estimate --hardware "TPU v2" --count 4 --hours 5 --region azure:brazilsouth --method mlco2 --explain
