"$CO2CALC" estimate --hardware "TPU v2" --count 4 --hours 96 --region gcp:asia-east1 --site desktop
