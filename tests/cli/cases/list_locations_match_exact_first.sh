"$CO2CALC" list locations --match CA
