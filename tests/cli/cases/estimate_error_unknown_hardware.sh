"$CO2CALC" estimate --hardware "H1OO SXM" --hours 3 --location FR
