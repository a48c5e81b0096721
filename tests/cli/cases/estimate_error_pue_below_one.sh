"$CO2CALC" estimate --power 300 --hours 3 --pue 0.9 --location FR
