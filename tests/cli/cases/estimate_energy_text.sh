"$CO2CALC" estimate --energy 100 --location FR --pue 1.1
