"$CO2CALC" compare --spec ../specs/bert-base.yaml --format latex
