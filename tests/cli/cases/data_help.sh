"$CO2CALC" data --help
