"$CO2CALC" estimate --power 250 --count 2 --hours 10 --location FR --pue 1.2 --format json
