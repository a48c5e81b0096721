"$CO2CALC" estimate --gpu A100 --hours 1
