"$CO2CALC" estimat
