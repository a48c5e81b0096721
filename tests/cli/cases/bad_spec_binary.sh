"$CO2CALC" estimate --spec ../bad/binary.yaml
