"$CO2CALC" estimate --power 100 --hours 1e12 --location FR
