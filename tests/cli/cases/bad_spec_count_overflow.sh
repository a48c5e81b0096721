"$CO2CALC" estimate --spec ../bad/overflow.yaml
