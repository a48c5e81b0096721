"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --count 8 --hours 100 --region gcp:europe-west3 --format yaml | sed -n '/^market_co2_kg/,/^assumptions/p'
