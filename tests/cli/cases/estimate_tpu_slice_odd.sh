"$CO2CALC" estimate --hardware v3-7 --hours 10 --location FR
