"$CO2CALC" batch ../../data/batch/same.csv
