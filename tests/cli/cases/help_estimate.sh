"$CO2CALC" help estimate
