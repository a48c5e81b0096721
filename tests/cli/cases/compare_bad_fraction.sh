"$CO2CALC" compare --spec ../specs/bert-base.yaml --what-if early-stopping=1.5
