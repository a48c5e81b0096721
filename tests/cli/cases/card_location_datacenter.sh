"$CO2CALC" estimate --hardware "RTX 4090" --count 2 --hours 10 --location DE --format model-card
