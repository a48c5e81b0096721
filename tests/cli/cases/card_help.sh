"$CO2CALC" card --help
