"$CO2CALC" list
