"$CO2CALC" estimate --cpu "AMD A10-5700" --cores 2 --hours 1 --location FR
