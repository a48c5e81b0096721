"$CO2CALC" batch --gpu x
