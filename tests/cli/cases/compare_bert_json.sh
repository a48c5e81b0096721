"$CO2CALC" compare --spec ../specs/bert-base.yaml --what-if pue=1.5 --format json
