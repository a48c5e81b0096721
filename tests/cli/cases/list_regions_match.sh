"$CO2CALC" list regions --match asia-east1
