"$CO2CALC" list --help
