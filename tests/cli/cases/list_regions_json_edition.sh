"$CO2CALC" list regions --match gcp:asia-east1 --edition mlco2-impact --format json
