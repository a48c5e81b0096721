"$CO2CALC" estimate --power 100 --hours 1,5 --location FR
