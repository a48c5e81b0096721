"$CO2CALC" estimate --power 100 --location FR --hours
