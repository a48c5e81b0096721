"$CO2CALC" estimate --spec ../bad/empty.yaml
