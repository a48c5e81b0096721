"$CO2CALC" estimate --spec ../bad/deep.yaml
