"$CO2CALC" estimate --spec ../bad/negzero.yaml
