"$CO2CALC" estimate --hardware T4 --hours 0.5 --location FR
