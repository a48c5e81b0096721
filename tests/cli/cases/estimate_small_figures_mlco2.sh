# ML CO2 Impact's own two-decimal figures, with the unrounded ones beside them; no
# equivalent reads 0 (0.000333 tree seedlings, not 0).
"$CO2CALC" estimate --hardware T4 --hours 0.5 --region gcp:us-central1 --method mlco2
"$CO2CALC" estimate --hardware T4 --hours 0.5 --region gcp:us-central1 --method mlco2 --format markdown
"$CO2CALC" estimate --hardware T4 --hours 0.5 --region gcp:us-central1 --method mlco2 --format latex | grep unrounded
