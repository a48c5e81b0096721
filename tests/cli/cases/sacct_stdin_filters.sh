"$CO2CALC" sacct - --cluster ../../data/sacct/tiny.yaml --since 2024-03-02 --user bob --format json < ../../data/sacct/two-jobs-reordered.log
