"$CO2CALC" compare --spec ../specs/bert-base.yaml --what-if region
