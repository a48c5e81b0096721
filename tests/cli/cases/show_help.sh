"$CO2CALC" show --help
