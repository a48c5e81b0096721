"$CO2CALC" estimate --spec ../bad/huge.yaml
