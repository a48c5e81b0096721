"$CO2CALC" estimate --data ../bad/data-unknown-key.yaml --power 1 --hours 1 --location FR
