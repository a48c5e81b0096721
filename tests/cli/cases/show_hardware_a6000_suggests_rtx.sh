"$CO2CALC" show hardware A6000
