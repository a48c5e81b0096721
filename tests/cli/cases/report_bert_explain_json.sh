"$CO2CALC" estimate --spec ../specs/bert-base.yaml --explain --format json
