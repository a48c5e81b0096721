"$CO2CALC" estimate --power 300 --count 0 --hours 3 --location FR
