"$CO2CALC" data
