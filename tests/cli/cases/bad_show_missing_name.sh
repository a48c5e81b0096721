"$CO2CALC" show hardware
