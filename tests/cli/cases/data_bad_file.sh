"$CO2CALC" estimate --data ../specs/malformed.yaml --power 100 --hours 1 --location FR
