"$CO2CALC" list editions
