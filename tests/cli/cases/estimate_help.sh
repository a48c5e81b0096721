"$CO2CALC" estimate --help
