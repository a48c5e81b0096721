"$CO2CALC" estimate --power 100 --count 2 --device-hours 5 --location FR
