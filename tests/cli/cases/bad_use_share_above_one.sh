"$CO2CALC" estimate --hardware "H100 SXM5" --count 8 --hours 10 --location US --use-share 1.5
