"$CO2CALC" estimate --spec ../bad/device-typo.yaml
