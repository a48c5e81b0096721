"$CO2CALC" list gpus
