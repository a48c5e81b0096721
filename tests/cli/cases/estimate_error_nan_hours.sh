"$CO2CALC" estimate --power 300 --hours nan --location FR
