"$CO2CALC" sacct ../../data/sacct/two-jobs.log
