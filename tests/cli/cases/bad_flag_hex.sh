"$CO2CALC" estimate --power 100 --hours 0x10 --location FR
