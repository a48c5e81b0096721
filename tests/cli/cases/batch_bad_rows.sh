# Bad rows are described on stderr; the others are computed; exit 1.
"$CO2CALC" batch ../../data/batch/runs.csv
echo "exit status $?"
