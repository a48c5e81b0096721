"$CO2CALC" estimate --spec ../bad/empty-value.yaml
