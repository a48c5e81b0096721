"$CO2CALC" show hardware H100
