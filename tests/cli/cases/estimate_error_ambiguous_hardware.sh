"$CO2CALC" estimate --hardware "A100-80" --hours 3 --region gcp:asia-east1
