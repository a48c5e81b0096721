"$CO2CALC" compare --help
