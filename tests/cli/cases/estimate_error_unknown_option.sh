"$CO2CALC" estimate --hourz 3
