"$CO2CALC" estimate --cpu "RTX 4090" --hours 1 --location FR
