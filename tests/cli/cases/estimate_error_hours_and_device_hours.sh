"$CO2CALC" estimate --power 300 --hours 3 --device-hours 10 --location FR
