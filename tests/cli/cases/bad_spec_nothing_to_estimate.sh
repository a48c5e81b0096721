"$CO2CALC" estimate --spec ../bad/nothing.yaml
