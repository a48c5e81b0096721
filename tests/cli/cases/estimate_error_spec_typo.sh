"$CO2CALC" estimate --spec ../specs/typo.yaml
