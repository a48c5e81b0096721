"$CO2CALC" estimate --spec ../bad/dupkey.yaml
