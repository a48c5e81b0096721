"$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster ../../data/sacct/tiny.yaml --per-job
