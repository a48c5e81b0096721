# A tiny run: numbers for people are never in exponent notation (0.0000225, not 2.25e-05).
"$CO2CALC" estimate --hardware "TPU v2" --hours 0.01 --region gcp:asia-east1
