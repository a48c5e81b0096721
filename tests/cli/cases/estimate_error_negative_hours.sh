"$CO2CALC" estimate --power 300 --hours -3 --location FR
