"$CO2CALC" card --spec ../specs/bert-base.yaml
