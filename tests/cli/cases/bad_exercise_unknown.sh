"$CO2CALC" exercise show 9
