"$CO2CALC" help estimat
