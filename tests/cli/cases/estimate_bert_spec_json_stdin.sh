"$CO2CALC" estimate --spec - --format json < ../specs/bert-base.json
