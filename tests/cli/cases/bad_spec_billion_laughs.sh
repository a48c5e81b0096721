"$CO2CALC" estimate --spec ../bad/laughs.yaml
