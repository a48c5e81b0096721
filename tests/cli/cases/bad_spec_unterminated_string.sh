"$CO2CALC" estimate --spec ../bad/unterminated.yaml
