"$CO2CALC" --help
