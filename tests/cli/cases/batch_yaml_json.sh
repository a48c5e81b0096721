"$CO2CALC" batch ../../data/batch/same.yaml --format json
