"$CO2CALC" exercise --help
