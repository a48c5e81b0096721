"$CO2CALC" estimate --power 100 --hours 1 --location FR --format xml
