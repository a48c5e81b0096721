"$CO2CALC" card --spec ../specs/bert-base.yaml --update no-such-README.md
