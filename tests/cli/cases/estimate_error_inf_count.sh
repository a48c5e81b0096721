"$CO2CALC" estimate --power 300 --count inf --hours 3 --location FR
