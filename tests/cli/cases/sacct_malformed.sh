# Malformed lines are described on stderr and counted; the report still comes, exit 1.
"$CO2CALC" sacct ../../data/sacct/malformed.log --cluster ../../data/sacct/tiny.yaml --format csv
echo "exit status $?"
