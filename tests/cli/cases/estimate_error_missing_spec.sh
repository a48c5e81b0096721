"$CO2CALC" estimate --spec ../specs/does-not-exist.yaml
