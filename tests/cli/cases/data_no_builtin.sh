"$CO2CALC" estimate --no-builtin-data --data ../../data/fixtures/mini.yaml --hardware "TPU v2" --hours 10 --location NO
