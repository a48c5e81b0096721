"$CO2CALC" list instances --match p4d
