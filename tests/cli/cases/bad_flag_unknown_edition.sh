"$CO2CALC" estimate --power 100 --hours 1 --location FR --data-edition mlco3
