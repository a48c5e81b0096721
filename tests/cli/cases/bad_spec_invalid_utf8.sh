"$CO2CALC" estimate --spec ../bad/invalid-utf8.yaml
