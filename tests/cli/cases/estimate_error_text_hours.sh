"$CO2CALC" estimate --power 300 --hours ten --location FR
