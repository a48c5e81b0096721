"$CO2CALC" estimate --power 300 --hours 3 --utilization 1.2 --location FR
