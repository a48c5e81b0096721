"$CO2CALC" estimate --spec ../bad/array-hours.json
