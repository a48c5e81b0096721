"$CO2CALC" estimate --hardware v5p-128 --hours 10 --location FR --format json
