"$CO2CALC" estimate --spec ../specs/malformed.yaml
