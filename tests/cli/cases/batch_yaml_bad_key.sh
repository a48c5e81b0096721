"$CO2CALC" batch ../../data/batch/runs.yaml --format json
echo "exit status $?"
