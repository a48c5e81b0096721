"$CO2CALC" estimate --power 100 --device-hours 5 --energy 3 --location FR
