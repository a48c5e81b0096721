"$CO2CALC" card --hardware "H100 SXM5" --count 8 --hours 10 --location US --include-embodied
