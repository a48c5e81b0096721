"$CO2CALC" data check
