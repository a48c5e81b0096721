"$CO2CALC" estimate --hardware "TPU v2" --count 4 --hours 96 --location FR --site garage
