# Likely mistakes in what was declared: a warning on stderr, the result still printed,
# exit 0; --strict makes them errors (exit 2, nothing on stdout).
"$CO2CALC" estimate --power 300 --hours 10 --intensity 0.38 | grep -E "^  Intensity"
echo "intensity 0.38: exit ${PIPESTATUS[0]}"
"$CO2CALC" estimate --power 300 --hours 10 --hours 20 --location FR | grep -E "^  Time"
echo "--hours twice: exit ${PIPESTATUS[0]}"
"$CO2CALC" compare --spec ../../../examples/specs/bert-base.yaml --what-if mixed-precision=0.5 | grep -E "^Hours"
echo "mixed-precision=0.5: exit ${PIPESTATUS[0]}"
"$CO2CALC" estimate --power 300 --hours 10 --intensity 0.38 --strict
echo "intensity 0.38 --strict: exit $?"
"$CO2CALC" card --power 300 --hours 10 --hours 20 --location FR --strict
echo "card, --hours twice --strict: exit $?"
"$CO2CALC" compare --spec ../../../examples/specs/bert-base.yaml --what-if mixed-precision=0.5 --strict
echo "mixed-precision=0.5 --strict: exit $?"
# No warning: the data's own low figure (Quebec, 1.5 g/kWh), a fraction of a GPU (a MIG
# slice), the same value twice, a repeatable flag, a speed-up of 2 (stderr shown here).
"$CO2CALC" estimate --hardware T4 --count 0.5 --hours 1 --hours 1 --location CA-QC --method green-algorithms --strict 2>&1 | grep -E "warning|^  (Hardware|Intensity)"
"$CO2CALC" compare --spec ../../../examples/specs/bert-base.yaml --what-if mixed-precision=2 --what-if pue=1.1 --strict 2>&1 | grep -E "warning|^Hours"
