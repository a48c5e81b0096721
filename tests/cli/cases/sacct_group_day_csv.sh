"$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster ../../data/sacct/tiny.yaml --group-by day --format csv
