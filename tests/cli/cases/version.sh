"$CO2CALC" --version
