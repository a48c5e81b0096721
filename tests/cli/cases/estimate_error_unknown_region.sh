"$CO2CALC" estimate --hardware "TPU v2" --hours 3 --region gcp:asia-eastt1 --method mlco2
