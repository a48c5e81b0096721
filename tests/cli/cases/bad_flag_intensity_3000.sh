"$CO2CALC" estimate --power 100 --hours 1 --intensity 3000
