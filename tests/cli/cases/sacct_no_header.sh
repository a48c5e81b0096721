tail -n +2 ../../data/sacct/two-jobs.log | "$CO2CALC" sacct - --cluster ../../data/sacct/tiny.yaml
