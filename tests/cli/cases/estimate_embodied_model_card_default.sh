"$CO2CALC" estimate --hardware "H100 SXM5" --count 8 --hours 10 --location US --format model-card
