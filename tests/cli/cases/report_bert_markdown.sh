"$CO2CALC" estimate --spec ../specs/bert-base.yaml --format markdown
