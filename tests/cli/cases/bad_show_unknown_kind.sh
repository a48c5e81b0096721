"$CO2CALC" show gpu A100
